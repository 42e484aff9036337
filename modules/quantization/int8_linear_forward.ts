import type { Int8LinearKernel } from "./kernels/mod.ts";
import type { InputQuantization } from "./input_quantization.ts";

const ROUNDING = 6755399441055744; // 1.5 · 2^52

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
 * 1. quantize the inputs: `xq = clamp(roundHalfToEven(x / s_in) + z_in, qmin, qmax)`;
 * 2. multiply in integers: `acc = kernel.run(xq, rows)` (int32 accumulators);
 * 3. correct and rescale: `y[r, n] = (acc[r, n] − z_in · rowSums[n] + bias[n]) · s_in · s_w[n]`.
 *
 * Why it is right: `x ≈ s_in (xq − z_in)` and `w ≈ s_w wq`, so
 * `Σ_k x w ≈ s_in s_w (Σ_k xq wq − z_in Σ_k wq)`; the bias was stored at the same scale.
 *
 * Hints: quantize with `roundHalfToEven` (see `quantizeInt8`); an Int8Array holds `[0, 127]` and `[-128, 127]` alike; `weightScale` may have a single
 * entry (per-tensor weights); `rowSums` and `bias` may be null.
 *
 * @param x The float inputs, `rows × kernel.inFeatures`, row-major.
 * @param rows The number of rows.
 * @param parts The kernel, scales, bias and row sums.
 * @returns The float32 outputs, `rows × kernel.outFeatures`, row-major.
 */
export function int8LinearForward(
  x: Float32Array,
  rows: number,
  parts: Int8LinearParts,
): Float32Array {
  // #region solution quantization.7
  const { kernel, input, weightScale, bias, rowSums } = parts;
  const { scale, zeroPoint, qmin, qmax } = input;
  const xq = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    // (v + 1.5·2^52) − 1.5·2^52 is roundHalfToEven(v) for |v| < 2^51 (IEEE rounding of the sum,
    // ties to even), without a call; larger |v| saturate below anyway.
    const v = (x[i] / scale + ROUNDING) - ROUNDING + zeroPoint;
    xq[i] = v < qmin ? qmin : v > qmax ? qmax : v;
  }
  const acc = kernel.run(xq, rows);
  const n = kernel.outFeatures;
  const columnScale = new Float64Array(n);
  const columnOffset = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    columnScale[j] = scale * weightScale[weightScale.length === 1 ? 0 : j];
    columnOffset[j] = (bias === null ? 0 : bias[j]) -
      (rowSums === null ? 0 : zeroPoint * rowSums[j]);
  }
  const y = new Float32Array(rows * n);
  for (let r = 0; r < rows * n; r += n) {
    for (let j = 0; j < n; j++) y[r + j] = (acc[r + j] + columnOffset[j]) * columnScale[j];
  }
  return y;
  // #endregion
}
