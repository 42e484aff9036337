/**
 * Matrix multiplication: shape rules (NumPy's `matmul`) and the course's one float32 kernel,
 * which `Linear` and the later modules' fp32 baselines use.
 *
 * @module
 */
import { checkTensor } from "./_check_tensor.ts";
import type { TypedArray } from "./dtype.ts";
import { formatShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options of {@linkcode matmulF32}. */
export interface MatmulF32Options {
  /**
   * Read `b` as a row-major `n×k` matrix and multiply by its transpose: `c = a @ bᵀ`,
   * `c[i, j] = Σ_p a[i, p] · b[j, p]`. A Linear layer's weight `[out, in]` is used this way, so no
   * transposed copy is ever built. Default `false`.
   */
  transposeB?: boolean;
}

/**
 * Computes the 4×4 block of `c = a @ b` at rows `i..i+3`, columns `j..j+3`: sixteen sums
 * `Σ_p a[i+r, p] · b[p, j+s]` kept in local variables (registers) while `p` runs over `k`, then
 * written once. Each step loads 4 values of `a` and 4 of `b` for 16 multiply-adds, instead of
 * loading and storing `c` every time. Element `b[p, j]` is at `p * rowStep + j * colStep`
 * (`rowStep = n, colStep = 1` for a row-major `k×n` matrix; `1, k` for the transpose of a
 * row-major `n×k` one).
 *
 * @param a Row-major `m×k` values.
 * @param b The `k×n` right operand, laid out as `rowStep` and `colStep` say.
 * @param c Row-major `m×n` output.
 * @param i The block's first row.
 * @param j The block's first column.
 * @param k The inner dimension.
 * @param n The columns of `b` and `c`.
 * @param rowStep How far apart `b[p, j]` and `b[p + 1, j]` are.
 * @param colStep How far apart `b[p, j]` and `b[p, j + 1]` are.
 */
export function tile4x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
  rowStep: number,
  colStep: number,
): void {
  // #region solution tensor.3
  const r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
  const s1 = colStep, s2 = 2 * colStep, s3 = 3 * colStep;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0, q = j * colStep; p < k; p++, q += rowStep) {
    const b0 = b[q], b1 = b[q + s1], b2 = b[q + s2], b3 = b[q + s3];
    const a0 = a[r0 + p], a1 = a[r1 + p], a2 = a[r2 + p], a3 = a[r3 + p];
    c00 += a0 * b0, c01 += a0 * b1, c02 += a0 * b2, c03 += a0 * b3;
    c10 += a1 * b0, c11 += a1 * b1, c12 += a1 * b2, c13 += a1 * b3;
    c20 += a2 * b0, c21 += a2 * b1, c22 += a2 * b2, c23 += a2 * b3;
    c30 += a3 * b0, c31 += a3 * b1, c32 += a3 * b2, c33 += a3 * b3;
  }
  let o = i * n + j;
  c[o] = c00, c[o + 1] = c01, c[o + 2] = c02, c[o + 3] = c03, o += n;
  c[o] = c10, c[o + 1] = c11, c[o + 2] = c12, c[o + 3] = c13, o += n;
  c[o] = c20, c[o + 1] = c21, c[o + 2] = c22, c[o + 3] = c23, o += n;
  c[o] = c30, c[o + 1] = c31, c[o + 2] = c32, c[o + 3] = c33;
  // #endregion
}

/**
 * Row `i` of `c = a @ bᵀ` at columns `j..j+3`, for a row-major `n×k` matrix `b`: four dot
 * products of contiguous rows in one pass over row `i` of `a` (what the rows left over by the 4×4
 * blocks need when `b` is read transposed).
 *
 * @param a Row-major `m×k` values.
 * @param b Row-major `n×k` values.
 * @param c Row-major `m×n` output.
 * @param i The row.
 * @param j The first of the four columns.
 * @param k The inner dimension.
 * @param n The columns of `c`.
 */
export function row1x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
): void {
  // #region solution tensor.3
  const r = i * k;
  const q0 = j * k, q1 = q0 + k, q2 = q1 + k, q3 = q2 + k;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (let p = 0; p < k; p++) {
    const x = a[r + p];
    c0 += x * b[q0 + p], c1 += x * b[q1 + p], c2 += x * b[q2 + p], c3 += x * b[q3 + p];
  }
  const o = i * n + j;
  c[o] = c0, c[o + 1] = c1, c[o + 2] = c2, c[o + 3] = c3;
  // #endregion
}

/**
 * The float32 matrix product of a row-major `m×k` array `a` and a `k×n` right operand `b`: a
 * row-major `k×n` array, or with `transposeB` the transpose of a row-major `n×k` array
 * (`c = a @ bᵀ`, without building the transpose). Sums are accumulated in float64 and rounded to
 * float32 once, when stored. This is the course's one float32 kernel: `Tensor.matmul` uses it, and
 * so does `Linear` (module 03) with `transposeB`.
 *
 * The plain algorithm walks the contiguous axis of `b` in its inner loop. Without `transposeB`
 * that is the i-k-j loop: for each row `i` and each `p`, add `a[i,p] · b[p,:]` to `c[i,:]` (the
 * i-j-k "dot product" order strides down the columns of `b` and misses the cache). With
 * `transposeB` the rows of `b` are contiguous, so each `c[i,j]` is a dot product of two rows.
 * Hints for speed: hoist row offsets (`i * k`, `p * n`) out of inner loops and use local
 * variables. The reference goes further: it splits `c` into 4×4 blocks ({@linkcode tile4x4}, which
 * reads either layout through two strides), computes the leftover columns of those rows as dot
 * products, and the leftover rows (fewer than 4) with the i-k-j loop into a float64 row, or with
 * `transposeB` four dot products at a time ({@linkcode row1x4}).
 *
 * @example Usage
 * ```ts
 * import { matmulF32 } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const a = Float32Array.of(1, 2, 3, 4); // [[1, 2], [3, 4]]
 * const b = Float32Array.of(1, 0, 1, 1, 0, 1); // [[1, 0], [1, 1], [0, 1]], 3×2
 * // a @ bᵀ, a 2×3 result, without transposing b:
 * assert.deepEqual(matmulF32(a, b, 2, 2, 3, { transposeB: true }), Float32Array.of(1, 3, 2, 3, 7, 4));
 * ```
 *
 * @param a Row-major `m×k` values.
 * @param b Row-major `k×n` values, or with `transposeB` row-major `n×k` values.
 * @param m Rows of `a`.
 * @param k Columns of `a` = rows of the right operand.
 * @param n Columns of the right operand (rows of `b` with `transposeB`).
 * @param options `transposeB`.
 * @returns Row-major `m×n` values.
 */
export function matmulF32(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  options: MatmulF32Options = {},
): Float32Array {
  // #region solution tensor.3
  const transposed = options.transposeB === true;
  const rowStep = transposed ? 1 : n; // b[p, j] is b[p * rowStep + j * colStep]
  const colStep = transposed ? k : 1;
  const c = new Float32Array(m * n);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  const dot = (i: number, j: number) => {
    let sum = 0;
    for (let p = 0, q = j * colStep; p < k; p++, q += rowStep) sum += a[i * k + p] * b[q];
    c[i * n + j] = sum;
  };
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) tile4x4(a, b, c, i, j, k, n, rowStep, colStep);
    for (let r = i; r < i + 4; r++) for (let j = n4; j < n; j++) dot(r, j);
  }
  if (transposed) {
    for (let i = m4; i < m; i++) {
      for (let j = 0; j < n4; j += 4) row1x4(a, b, c, i, j, k, n);
      for (let j = n4; j < n; j++) dot(i, j);
    }
    return c;
  }
  const acc = new Float64Array(n);
  for (let i = m4; i < m; i++) {
    acc.fill(0);
    const k4 = k - (k % 4);
    for (let p = 0; p < k4; p += 4) {
      const x0 = a[i * k + p], x1 = a[i * k + p + 1], x2 = a[i * k + p + 2], x3 = a[i * k + p + 3];
      const r0 = p * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      for (let j = 0; j < n; j++) {
        acc[j] += x0 * b[r0 + j] + x1 * b[r1 + j] + x2 * b[r2 + j] + x3 * b[r3 + j];
      }
    }
    for (let p = k4; p < k; p++) {
      const x = a[i * k + p];
      for (let j = 0, q = p * n; j < n; j++, q++) acc[j] += x * b[q];
    }
    c.set(acc, i * n);
  }
  return c;
  // #endregion
}

/**
 * The int32 matrix product of row-major integer arrays (i-k-j order). Products and sums wrap
 * modulo 2^32 like NumPy's int32.
 *
 * Hints: `Math.imul(x, y)` is the exact product modulo 2^32; storing `c + product` into an
 * Int32Array wraps the sum.
 *
 * @param a Row-major `m×k` integers.
 * @param b Row-major `k×n` integers.
 * @param m Rows of `a`.
 * @param k Columns of `a` = rows of `b`.
 * @param n Columns of `b`.
 * @returns Row-major `m×n` int32 values.
 */
export function matmulInt32(
  a: Int32Array | Int8Array,
  b: Int32Array | Int8Array,
  m: number,
  k: number,
  n: number,
): Int32Array {
  // #region solution tensor.3
  const c = new Int32Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * k;
    const out = i * n;
    for (let p = 0; p < k; p++) {
      const x = a[row + p];
      const from = p * n;
      for (let j = 0; j < n; j++) c[out + j] += Math.imul(x, b[from + j]);
    }
  }
  return c;
  // #endregion
}

function asFloat32(data: TypedArray): Float32Array {
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/**
 * The matrix product `a @ b` with NumPy's `matmul` rules:
 * - 2-D × 2-D: `[m,k] @ [k,n]` is `[m,n]`, `c[i,j] = Σ_p a[i,p] · b[p,j]` (`2·m·k·n` FLOPs);
 * - 1-D left operand `[k]` acts as a row `[1,k]`, 1-D right operand `[k]` as a column `[k,1]`,
 *   and that axis is dropped from the result (1-D × 1-D is a 0-d dot product);
 * - batched: `[..., m, k] @ [k, n]` is `[..., m, n]` (the leading axes are just more rows,
 *   since the data is contiguous).
 *
 * Dtypes: float32 if either operand is float32 (an integer operand is converted), else int32.
 *
 * @example Usage
 * ```ts
 * import { matmul, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(matmul(tensor([[1, 2], [3, 4]]), tensor([[5], [6]])).toArray(), [[17], [39]]);
 * ```
 *
 * @param a The left operand, at least 1-D.
 * @param b The right operand, 1-D or 2-D.
 * @returns The product.
 * @throws {RangeError} `Cannot multiply tensors of shape [1,2] and [3,1]: inner dimensions 2 and
 * 3 must match`; also for 0-d operands or a right operand with more than 2 axes.
 * @throws {TypeError} If an operand is not a tensor.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  // #region solution tensor.3
  const x = checkTensor(a, "multiply");
  const y = checkTensor(b, "multiply");
  const shapes = `${formatShape(x.shape)} and ${formatShape(y.shape)}`;
  if (x.ndim === 0 || y.ndim === 0) {
    throw new RangeError(
      `Cannot multiply tensors of shape ${shapes}: a 0-d tensor is not a matrix`,
    );
  }
  if (y.ndim > 2) {
    throw new RangeError(
      `Cannot multiply tensors of shape ${shapes}: the right operand must be 1-d or 2-d`,
    );
  }
  const k = x.shape[x.ndim - 1];
  if (y.shape[0] !== k) {
    throw new RangeError(
      `Cannot multiply tensors of shape ${shapes}: inner dimensions ${k} and ${
        y.shape[0]
      } must match`,
    );
  }
  const n = y.ndim === 2 ? y.shape[1] : 1;
  const rows = x.shape.slice(0, -1);
  const m = rows.reduce((s, d) => s * d, 1);
  const shape = y.ndim === 2 ? [...rows, n] : rows;
  if (x.dtype === "float32" || y.dtype === "float32") {
    return new Tensor(matmulF32(asFloat32(x.data), asFloat32(y.data), m, k, n), shape);
  }
  const ints = (t: Tensor) => t.data as Int32Array | Int8Array;
  return new Tensor(matmulInt32(ints(x), ints(y), m, k, n), shape);
  // #endregion
}
