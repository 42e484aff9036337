/**
 * Sums each row of an int8 weight matrix in PyTorch Linear layout (`[outFeatures, inFeatures]`),
 * in int32: `sums[j] = Σ_p w[j, p]`.
 *
 * These are the zero-point corrections of an asymmetric input: with `x = s · (q − z)`,
 * `Σ_p (q[p] − z) · w[j, p] = acc[j] − z · sums[j]`, so the int8 kernels can multiply the raw
 * `q` and the correction is applied afterwards.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowSums } from "@tinytorch/quantization/kernels";
 * assert.deepEqual([...rowSums(Int8Array.of(1, 2, 3, -4, 5, -6), [2, 3])], [6, -5]);
 * ```
 *
 * @param w The weights, row-major.
 * @param shape `[outFeatures, inFeatures]`; the caller has checked `w.length`.
 * @returns A new `Int32Array` with one sum per output feature.
 */
export function rowSums(w: Int8Array, shape: readonly [number, number]): Int32Array {
  const [rows, cols] = shape;
  const sums = new Int32Array(rows);
  for (let j = 0; j < rows; j++) {
    let sum = 0;
    for (let p = 0; p < cols; p++) sum += w[j * cols + p];
    sums[j] = sum;
  }
  return sums;
}
