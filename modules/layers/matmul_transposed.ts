/**
 * `a @ bᵀ` for row-major float32 matrices, without building the transpose: the kernel behind
 * {@linkcode linear}.
 *
 * @module
 */

/**
 * The 4×4 block at rows `i..i+3` of `a` and rows `j..j+3` of `b`: sixteen dot products of
 * contiguous rows, accumulated in local variables while `p` runs over `k`.
 */
function block4x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
): void {
  const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
  const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < k; p++) {
    const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
    const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
    c00 += x0 * y0, c01 += x0 * y1, c02 += x0 * y2, c03 += x0 * y3;
    c10 += x1 * y0, c11 += x1 * y1, c12 += x1 * y2, c13 += x1 * y3;
    c20 += x2 * y0, c21 += x2 * y1, c22 += x2 * y2, c23 += x2 * y3;
    c30 += x3 * y0, c31 += x3 * y1, c32 += x3 * y2, c33 += x3 * y3;
  }
  let o = i * n + j;
  c[o] = c00, c[o + 1] = c01, c[o + 2] = c02, c[o + 3] = c03, o += n;
  c[o] = c10, c[o + 1] = c11, c[o + 2] = c12, c[o + 3] = c13, o += n;
  c[o] = c20, c[o + 1] = c21, c[o + 2] = c22, c[o + 3] = c23, o += n;
  c[o] = c30, c[o + 1] = c31, c[o + 2] = c32, c[o + 3] = c33;
}

/** Row `i` of `a` against rows `j..j+3` of `b`: four dot products in one pass over `a`'s row. */
function row1x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
): void {
  const a0 = i * k;
  const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (let p = 0; p < k; p++) {
    const x = a[a0 + p];
    c0 += x * b[b0 + p], c1 += x * b[b1 + p], c2 += x * b[b2 + p], c3 += x * b[b3 + p];
  }
  const o = i * n + j;
  c[o] = c0, c[o + 1] = c1, c[o + 2] = c2, c[o + 3] = c3;
}

/**
 * The float32 product `a @ bᵀ` of a row-major `m×k` matrix `a` and a row-major `n×k` matrix
 * `b`: `c[i, j] = Σ_p a[i, p] · b[j, p]`, an `m×n` matrix. Both operands are read along their
 * rows (contiguous memory), so `b` (a Linear layer's `[out, in]` weight) never needs a transposed
 * copy. Sums are accumulated in float64 and rounded to float32 once. `2·m·k·n` FLOPs.
 *
 * @example Usage
 * ```ts
 * import { matmulTransposedF32 } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const a = Float32Array.of(1, 2, 3, 4); // [[1, 2], [3, 4]]
 * const b = Float32Array.of(1, 0, 1, 1, 0, 1); // [[1, 0], [1, 1], [0, 1]]
 * assert.deepEqual(matmulTransposedF32(a, b, 2, 2, 3), Float32Array.of(1, 3, 2, 3, 7, 4));
 * ```
 *
 * @param a Row-major `m×k` values.
 * @param b Row-major `n×k` values.
 * @param m Rows of `a`.
 * @param k Columns of `a` and of `b`.
 * @param n Rows of `b` = columns of the result.
 * @returns Row-major `m×n` values.
 */
export function matmulTransposedF32(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  const c = new Float32Array(m * n);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i += i < m4 ? 4 : 1) {
    for (let j = 0; j < n4; j += 4) {
      if (i < m4) block4x4(a, b, c, i, j, k, n);
      else row1x4(a, b, c, i, j, k, n);
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = n4; j < n; j++) {
      let sum = 0;
      for (let p = 0, q = i * k, r = j * k; p < k; p++) sum += a[q + p] * b[r + p];
      c[i * n + j] = sum;
    }
  }
  return c;
}
