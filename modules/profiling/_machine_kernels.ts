/**
 * The fp32 matmul kernels `measureMachine` times: plain TypeScript over `Float32Array`s, n×n
 * row-major matrices. Given code.
 *
 * @module
 */

/** `c = a·b` in i-k-j order: the inner loop streams a row of `b` into a row of `c`. */
export function matmulIkj(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k];
      const bRow = k * n;
      for (let j = 0; j < n; j++) c[row + j] += aik * b[bRow + j];
    }
  }
}
