/** The sizes of an int8 linear matmul: `x` is `[m, k]`, `w` is `[n, k]`, the result `[m, n]`. */
export interface MatmulInt8Dims {
  /** Rows of `x` (the batch size). */
  m: number;
  /** Rows of `w` (output features). */
  n: number;
  /** Shared row length (input features). */
  k: number;
}

/**
 * Multiplies int8 inputs by int8 weights stored in PyTorch Linear layout, accumulating in int32:
 * `acc[i, j] = Σ_p x[i, p] · w[j, p]`, i.e. `x @ wᵀ`, every output a dot product of a row of `x`
 * with a row of `w`.
 *
 * Both matrices are row-major: `x[i, p]` is `x[i * k + p]` and `w[j, p]` is `w[j * k + p]`; the
 * result `acc[i, j]` goes to `out[i * n + j]`. The caller has checked the lengths
 * (`x.length === m * k`, `w.length === n * k`). Sums wrap modulo 2^32 like `Int32Array` (they
 * cannot overflow while `k ≤ 131072`).
 *
 * Hints: three nested loops (rows of `x`, rows of `w`, then `p`); keep the running sum in a local
 * and write it once; `(acc + a * b) | 0` keeps it an int32.
 *
 * @example A 1x2 input times a 2x2 weight
 * ```ts
 * import assert from "node:assert/strict";
 * import { matmulInt8Scalar } from "@tinytorch/quantization/kernels";
 * const acc = matmulInt8Scalar(Int8Array.of(1, 2), Int8Array.of(3, 4, -5, 6), { m: 1, n: 2, k: 2 });
 * assert.deepEqual([...acc], [11, 7]);
 * ```
 *
 * @param x The int8 inputs, `m` rows of `k`.
 * @param w The int8 weights, `n` rows of `k` (`[outFeatures, inFeatures]`).
 * @param dims The sizes `m`, `n` and `k`.
 * @returns A new `Int32Array` of `m * n` accumulators, row-major.
 */
export function matmulInt8Scalar(x: Int8Array, w: Int8Array, dims: MatmulInt8Dims): Int32Array {
  // #region solution quantization.6
  const { m, n, k } = dims;
  const out = new Int32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc = (acc + x[i * k + p] * w[j * k + p]) | 0;
      out[i * n + j] = acc;
    }
  }
  return out;
  // #endregion
}
