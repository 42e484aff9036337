/**
 * `@tinytorch/quantization`, course module 15: int8 quantization done right. Symmetric and
 * asymmetric schemes with round-half-to-even, per-tensor and per-channel scales, min/max and
 * percentile calibration, real Int8Array storage, and a quantized linear layer whose integer path
 * runs on int8 kernels with int32 accumulation.
 *
 * This is the public API; the int8 kernels are also `@tinytorch/quantization/kernels`. Task
 * functions that are steps of it rather than API (`quantizeValues`, `int8LinearForward`) are
 * exported from `@tinytorch/quantization/tasks`, for the cases and your own tests; helpers live in
 * `_` files.
 *
 * @example Quantize and dequantize
 * ```ts
 * import { dequantizeInt8, quantizeInt8 } from "@tinytorch/quantization";
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const q = quantizeInt8(tensor([-1, 0, 2]), { scheme: "symmetric" }); // scale 2/127
 * assert.deepEqual(Array.from(q.values.data), [-64, 0, 127]);
 * assert.equal(q.nbytes, 11); // 3 int8 values + a float32 scale + an int32 zero point
 * const back = dequantizeInt8(q).data; // -64 · 2/127 ≈ -1.008, within half a step of -1
 * assert.deepEqual(Array.from(back, (v) => v.toFixed(3)), ["-1.008", "0.000", "2.000"]);
 * ```
 *
 * @module
 */
export * from "./round_half_to_even.ts";
// Files that also hold helpers or task functions of ./tasks.ts: their public exports, by name.
export {
  type QuantizationParams,
  quantizationParams,
  type QuantizationScheme,
} from "./quantization_params.ts";
export * from "./quantized_tensor.ts";
export { type QuantizationRange, quantizeInt8, type QuantizeOptions } from "./quantize_int8.ts";
export * from "./dequantize_int8.ts";
export * from "./min_max_observer.ts";
export * from "./percentile_observer.ts";
export * from "./kernels/mod.ts";
export * from "./input_quantization.ts";
export * from "./quantized_linear.ts";
export * from "./requantize.ts";
export * from "./integer_only_model.ts";
export * from "./quantize_model.ts";
export * from "./compare_model_sizes.ts";
export * from "./forward_benchmark.ts";
