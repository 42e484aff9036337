/**
 * Matrix multiplication: shape rules (NumPy's `matmul`) and the float32 kernel that later
 * modules use as their fp32 baseline.
 *
 * @module
 */
import { checkTensor } from "./check_tensor.ts";
import type { TypedArray } from "./dtype.ts";
import { formatShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/**
 * Computes the 4×4 block of `c = a @ b` at rows `i..i+3`, columns `j..j+3`: sixteen sums
 * `Σ_p a[i+r, p] · b[p, j+s]` kept in local variables (registers) while `p` runs over `k`, then
 * written once. Each step loads 4 values of `a` and 4 of `b` for 16 multiply-adds, instead of
 * loading and storing `c` every time.
 *
 * @param a Row-major `m×k` values.
 * @param b Row-major `k×n` values.
 * @param c Row-major `m×n` output.
 * @param i The block's first row.
 * @param j The block's first column.
 * @param k The inner dimension.
 * @param n The columns of `b` and `c`.
 */
export function tile4x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
): void {
  // #region solution tensor.3
  const r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0, q = j; p < k; p++, q += n) {
    const b0 = b[q], b1 = b[q + 1], b2 = b[q + 2], b3 = b[q + 3];
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
 * The float32 matrix product of row-major `m×k` and `k×n` arrays. Sums are accumulated in
 * float64 and rounded to float32 once, when stored.
 *
 * The plain algorithm is the i-k-j loop: for each row `i` and each `p`, add `a[i,p] · b[p,:]` to
 * `c[i,:]`; every inner access walks memory in order (the i-j-k "dot product" order strides down
 * the columns of `b` and misses the cache). Hints for speed: hoist row offsets (`i * k`,
 * `p * n`) out of inner loops and use local variables. The reference goes further: it splits `c`
 * into 4×4 blocks ({@linkcode tile4x4}), computes the leftover columns of those rows as dot
 * products and the leftover rows (fewer than 4) with the i-k-j loop into a float64 row.
 *
 * @param a Row-major `m×k` values.
 * @param b Row-major `k×n` values.
 * @param m Rows of `a`.
 * @param k Columns of `a` = rows of `b`.
 * @param n Columns of `b`.
 * @returns Row-major `m×n` values.
 */
export function matmulF32(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  // #region solution tensor.3
  const c = new Float32Array(m * n);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) tile4x4(a, b, c, i, j, k, n);
    for (let r = i; r < i + 4; r++) {
      for (let j = n4; j < n; j++) {
        let sum = 0;
        for (let p = 0, q = j; p < k; p++, q += n) sum += a[r * k + p] * b[q];
        c[r * n + j] = sum;
      }
    }
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
