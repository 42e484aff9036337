/**
 * A 2-D set that a line separates with a guaranteed margin (for the perceptron).
 *
 * @module
 */

import { checkInt, checkReal, type ToyOptions, toyRng, type ToySet, toySet } from "./_toy.ts";

/** Options of {@linkcode linearlySeparable}. */
export interface LinearlySeparableOptions extends ToyOptions {
  /** Number of points (default 100). */
  n?: number;
  /** Minimum distance of every point from the separating line, in (0, 0.5] (default 0.1). */
  margin?: number;
}

/** Result of {@linkcode linearlySeparable}: the points, labels and the true separating line. */
export interface LinearlySeparable extends ToySet {
  /** The line `normal · x + offset = 0`; `normal` has length 1, so the value is a distance. */
  boundary: { normal: [number, number]; offset: number };
}

/**
 * Points in the square [-1, 1]² on both sides of a random line (unit normal at a random angle,
 * offset in [-0.2, 0.2]). Point `i` has label `i % 2` and lies at distance at least `margin` from
 * the line on its label's side: `y = 1` means `normal · x + offset >= margin`, `y = 0` means
 * `<= -margin`. So the classes are balanced and a perceptron is guaranteed to converge.
 *
 * @example
 * ```ts
 * import { linearlySeparable } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { x, y } = linearlySeparable({ n: 50, margin: 0.2 });
 * assert.deepEqual(x.shape, [50, 2]);
 * assert.deepEqual(y.shape, [50]);
 * ```
 *
 * @param options `n`, `margin`, `seed` (default 0) or `rng`.
 * @returns `x` float32 `[n, 2]`, `y` int32 `[n]` in {0, 1}, and the `boundary`.
 * @throws {RangeError} If `n` is not a positive integer or `margin` is outside (0, 0.5].
 */
export function linearlySeparable(options: LinearlySeparableOptions = {}): LinearlySeparable {
  const n = checkInt("linearlySeparable", "n", options.n ?? 100);
  const margin = checkReal("linearlySeparable", "margin", options.margin ?? 0.1, 0, 0.5);
  if (margin === 0) throw new RangeError("linearlySeparable: margin must be greater than 0, got 0");
  const rng = toyRng("linearlySeparable", options);
  const angle = rng.uniform(0, 2 * Math.PI);
  const normal: [number, number] = [Math.cos(angle), Math.sin(angle)];
  const offset = rng.uniform(-0.2, 0.2);
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const sign = label === 1 ? 1 : -1;
    let a: number, b: number;
    do {
      a = Math.fround(rng.uniform(-1, 1));
      b = Math.fround(rng.uniform(-1, 1));
    } while (sign * (normal[0] * a + normal[1] * b + offset) < margin);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = label;
  }
  return { ...toySet(x, y, 2), boundary: { normal, offset } };
}
