import type { Int8LinearKernel } from "./kernels/mod.ts";
import type { InputQuantization } from "./input_quantization.ts";

/** What the integer path of a quantized linear layer needs. */
export interface Int8LinearParts {
  /** The int8 matmul with the layer's weights resident: `acc = xq @ wqᵀ` in int32. */
  readonly kernel: Int8LinearKernel;
  /** How inputs are quantized. */
  readonly input: InputQuantization;
  /** The weight scales: one, or one per output row (weights are symmetric: zero point 0). */
  readonly weightScale: Float32Array;
  /** The bias in int32 at scale `input.scale · weightScale[n]`, or null. */
  readonly bias: Int32Array | null;
  /** `Σ_k wq[n, k]` per output row, for the input zero-point correction; null when it is 0. */
  readonly rowSums: Int32Array | null;
}

/**
 * The integer forward pass of a quantized linear layer on `rows` input rows:
 *
 * 1. quantize and multiply: `acc = kernel.runFloat(x, rows, input)`. The kernel quantizes the
 *    inputs exactly as `quantizeInt8` would (`xq = clamp(roundHalfToEven(x / s_in) + z_in, qmin,
 *    qmax)`, in SIMD, straight into its own memory) and returns the int32 accumulators
 *    `acc[r, n] = Σ_k xq[r, k] · wq[n, k]`; it rejects NaN and ±Infinity;
 * 2. correct and rescale: `y[r, n] = (acc[r, n] − z_in · rowSums[n] + bias[n]) · s_in · s_w[n]`.
 *
 * Why it is right: `x ≈ s_in (xq − z_in)` and `w ≈ s_w wq`, so
 * `Σ_k x w ≈ s_in s_w (Σ_k xq wq − z_in Σ_k wq)`; the bias was stored at the same scale.
 *
 * Hints: the correction and the scale depend only on the column `n`: compute them once per column,
 * not once per element; `weightScale` may have a single entry (per-tensor weights); `rowSums` and
 * `bias` may be null.
 *
 * @param x The float inputs, `rows × kernel.inFeatures`, row-major.
 * @param rows The number of rows.
 * @param parts The kernel, scales, bias and row sums.
 * @returns The float32 outputs, `rows × kernel.outFeatures`, row-major.
 * @throws {RangeError} For a NaN or ±Infinity input (from the kernel).
 */
export function int8LinearForward(
  x: Float32Array,
  rows: number,
  parts: Int8LinearParts,
): Float32Array {
  // #region solution quantization.7
  const { kernel, input, weightScale, bias, rowSums } = parts;
  const acc = kernel.runFloat(x, rows, input);
  const n = kernel.outFeatures;
  const columnScale = new Float64Array(n);
  const columnOffset = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    columnScale[j] = input.scale * weightScale[weightScale.length === 1 ? 0 : j];
    columnOffset[j] = (bias === null ? 0 : bias[j]) -
      (rowSums === null ? 0 : input.zeroPoint * rowSums[j]);
  }
  const y = new Float32Array(rows * n);
  for (let r = 0; r < rows * n; r += n) {
    for (let j = 0; j < n; j++) y[r + j] = (acc[r + j] + columnOffset[j]) * columnScale[j];
  }
  return y;
  // #endregion
}
