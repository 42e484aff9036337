/**
 * Int8 matmul kernels for quantized linear layers: pure functions over typed arrays computing the
 * int32 accumulators `acc[i, j] = Σ_p x[i, p] · w[j, p]` of an int8 input `x` (`[M, K]`) and int8
 * weights `w` in PyTorch Linear layout (`[N, K]`), optionally quantizing float inputs on the way
 * in (`runFloat`). Three kernels: `"relaxed"` (relaxed Wasm SIMD, inputs in `[0, 127]`),
 * `"dot16"` (Wasm SIMD, any int8) and `"scalar"` (plain TypeScript), all bit-identical;
 * {@linkcode bestKernel} picks the fastest this engine supports. Beside them, the honest float
 * baseline: {@linkcode createFloat32Linear}, a float32 Wasm SIMD matmul (`f32x4.relaxed_madd`
 * where the engine validates it), given code that the int8 kernels are measured against.
 *
 * @example Multiply a batch of two rows
 * ```ts
 * import assert from "node:assert/strict";
 * import { createInt8Linear, rowSums } from "@tinytorch/quantization/kernels";
 * const w = Int8Array.of(3, 4, -5, 6); // 2 output features, 2 input features
 * const layer = createInt8Linear(w, [2, 2]);
 * assert.deepEqual([...layer.run(Uint8Array.of(1, 2, 0, 1), 2)], [11, 7, 4, 6]);
 * assert.deepEqual([...rowSums(w, [2, 2])], [7, 1]);
 * ```
 *
 * @example Quantize float inputs and multiply in one call
 * ```ts
 * import assert from "node:assert/strict";
 * import { createInt8Linear } from "@tinytorch/quantization/kernels";
 * const layer = createInt8Linear(Int8Array.of(3, 4, -5, 6), [2, 2]);
 * const input = { scale: 0.5, zeroPoint: 0, qmin: 0, qmax: 127 }; // xq = round(x / 0.5)
 * assert.deepEqual([...layer.runFloat(Float32Array.of(0.5, 1.25), 1, input)], [11, 7]);
 * ```
 *
 * @module
 */
export {
  availableFloat32Kernels,
  availableKernels,
  bestKernel,
  type Float32KernelName,
  KERNEL_NAMES,
  type KernelName,
} from "./available_kernels.ts";
export {
  createFloat32Linear,
  type Float32LinearKernel,
  type Float32LinearOptions,
} from "./float32_linear.ts";
export { createInt8Linear, type Int8LinearOptions } from "./int8_linear.ts";
export type { Int8InputQuantization, Int8LinearKernel } from "./int8_linear_kernel.ts";
export { type MatmulInt8Dims, matmulInt8Scalar } from "./matmul_int8_scalar.ts";
export { rowSums } from "./row_sums.ts";
