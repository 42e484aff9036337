/**
 * The XOR toy set.
 *
 * @module
 */

import { checkInt, checkReal, type ToyOptions, toyRng, type ToySet, toySet } from "./_toy.ts";

/** Options of {@linkcode xor}. */
export interface XorOptions extends ToyOptions {
  /** Number of points (default 200). */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
}

/**
 * Noisy XOR in 2-D: point `i` sits at corner `i % 4` of the square (±1, ±1) plus Gaussian noise;
 * its label is 1 when the two corner coordinates differ in sign, else 0. So the classes are
 * balanced, cannot be split by one line, and (with the default noise 0.1) every point stays in its
 * corner's quadrant, i.e. `y = 1` exactly when `x0 · x1 < 0`.
 *
 * @example
 * ```ts
 * import { xor } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { x, y } = xor({ n: 8, seed: 1 });
 * assert.deepEqual(x.shape, [8, 2]);
 * assert.equal(y.dtype, "int32");
 * ```
 *
 * @param options `n`, `noise`, `seed` (default 0) or `rng`.
 * @returns `x` float32 `[n, 2]`, `y` int32 `[n]` in {0, 1}.
 * @throws {RangeError} If `n` is not a positive integer or `noise` is negative or not finite.
 */
export function xor(options: XorOptions = {}): ToySet {
  const n = checkInt("xor", "n", options.n ?? 200);
  const noise = checkReal("xor", "noise", options.noise ?? 0.1, 0);
  const rng = toyRng("xor", options);
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const corner = i % 4;
    const a = corner & 1 ? 1 : -1;
    const b = corner & 2 ? 1 : -1;
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = a === b ? 0 : 1;
  }
  return toySet(x, y, 2);
}
