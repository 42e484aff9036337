import { availableKernels, bestKernel, type KernelName } from "./available_kernels.ts";
import type { Int8LinearKernel } from "./int8_linear_kernel.ts";
import { ScalarInt8Linear } from "./_scalar_int8_linear.ts";
import { WasmInt8Linear } from "./_wasm_int8_linear.ts";

/** Options of {@linkcode createInt8Linear}. */
export interface Int8LinearOptions {
  /** Which kernel to use; default {@linkcode bestKernel}`()`. */
  kernel?: KernelName;
  /**
   * How many input rows the Wasm memory holds (default 64). Larger batches are run in chunks of
   * `maxBatch` rows, so this trades memory for fewer calls, never correctness.
   */
  maxBatch?: number;
}

function checkShape(weights: Int8Array, shape: readonly [number, number], maxBatch: number) {
  const [n, k] = shape;
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || weights.length !== n * k) {
    throw new RangeError(
      `Cannot create an int8 linear kernel of shape [${shape}] from ${weights.length} weights: expected ${n} rows of ${k}`,
    );
  }
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(
      `Cannot create an int8 linear kernel with maxBatch ${maxBatch}: expected a positive integer`,
    );
  }
}

/**
 * Creates the int8 matmul of a linear layer: copies the weights once, in the layout the kernel
 * wants (into a Wasm memory owned by this kernel, rows zero-padded to a multiple of 16 values,
 * sign-extended to int16 for `"dot16"`), and returns an object whose
 * `run(x, batch)` computes the int32 accumulators `acc[i, j] = Σ_p x[i, p] · w[j, p]`, and whose
 * `runFloat(x, batch, input)` quantizes float inputs first (in Wasm SIMD for the Wasm kernels).
 *
 * The kernel only multiplies (and, in `runFloat`, quantizes the inputs): scales, zero-point
 * corrections (see {@linkcode rowSums}) and the output rescale belong to the op that calls it.
 * Later changes to `weights` do not affect it.
 *
 * Memory of a Wasm kernel, allocated once: `N·kp` weight bytes (`2·N·kp` for `"dot16"`),
 * `maxBatch·kp` input bytes, `maxBatch·N·4` output bytes and `maxBatch·K·4` float staging bytes
 * (`kp` is `K` rounded up to a multiple of 16), rounded up to 64 KiB pages; 784→128 with maxBatch
 * 64 takes 6 pages (384 KiB) for `"relaxed"`, 8 for `"dot16"`. A call allocates only the array it
 * returns.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { createInt8Linear } from "@tinytorch/quantization/kernels";
 * const layer = createInt8Linear(Int8Array.of(3, 4, -5, 6), [2, 2], { kernel: "dot16" });
 * assert.deepEqual([...layer.run(Int8Array.of(1, 2, -1, 0), 2)], [11, 7, -3, 5]);
 * const input = { scale: 0.5, zeroPoint: 0, qmin: -128, qmax: 127 };
 * assert.deepEqual([...layer.runFloat(Float32Array.of(0.5, 1.25), 1, input)], [11, 7]);
 * ```
 *
 * @param weights The int8 weights, row-major `[outFeatures, inFeatures]` (PyTorch Linear layout).
 * @param shape `[outFeatures, inFeatures]`.
 * @param options The kernel (default: the best available) and `maxBatch` (default 64).
 * @returns The kernel object.
 * @throws {RangeError} If `weights.length` does not match `shape`, `maxBatch` is not a positive
 *   integer, the memory would exceed 4 GiB, or the kernel is not available on this engine.
 * @throws {TypeError} If `options.kernel` is not a kernel name.
 */
export function createInt8Linear(
  weights: Int8Array,
  shape: readonly [number, number],
  options: Int8LinearOptions = {},
): Int8LinearKernel {
  const { kernel = bestKernel(), maxBatch = 64 } = options;
  checkShape(weights, shape, maxBatch);
  if (kernel !== "relaxed" && kernel !== "dot16" && kernel !== "scalar") {
    throw new TypeError(
      `Cannot create an int8 linear kernel "${kernel}": expected "relaxed", "dot16" or "scalar"`,
    );
  }
  if (!availableKernels().includes(kernel)) {
    throw new RangeError(
      `Cannot create an int8 linear kernel "${kernel}": this engine supports ${
        availableKernels().join(", ")
      }`,
    );
  }
  if (kernel === "scalar") return new ScalarInt8Linear(weights, shape, maxBatch);
  return new WasmInt8Linear(kernel, weights, shape, maxBatch);
}
