/**
 * Test helpers for the int8 kernels: seeded int8 data and a naive oracle that shares no code with
 * the kernels.
 *
 * @module
 */
import { randomValues } from "@tinytorch/course";

/**
 * Seeded random integers in `[min, max]` (inclusive) as an `Int8Array`.
 *
 * @param count How many values.
 * @param seed The seed.
 * @param min Smallest value (default -128).
 * @param max Largest value (default 127).
 * @returns The values.
 */
export function randomInt8(count: number, seed: number, min = -128, max = 127): Int8Array {
  return Int8Array.from(randomValues(count, { seed, min, max: max + 1, integers: true }));
}

/**
 * The naive oracle: `acc[i, j] = Σ_p x[i, p] · w[j, p]` in exact float64 arithmetic (exact for
 * every size used in tests), as plain numbers.
 *
 * @param x Inputs, `m` rows of `k`.
 * @param w Weights, `n` rows of `k`.
 * @param m Rows of `x`.
 * @param n Rows of `w`.
 * @param k Row length.
 * @returns The `m * n` sums, row-major.
 */
export function naiveLinear(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += x[i * k + p] * w[j * k + p];
      out.push(sum);
    }
  }
  return out;
}
