/** Options of {@linkcode randomValues}. */
export interface RandomValuesOptions {
  /** The seed; the same seed gives the same values. */
  seed: number;
  /** Lower bound (inclusive); default -1. */
  min?: number;
  /** Upper bound (exclusive); default 1. */
  max?: number;
  /** Round to integers (floor); default false. */
  integers?: boolean;
}

/**
 * Test data that does not depend on the code under test: `count` float32-representable values
 * from a seeded mulberry32 generator, uniform in `[min, max)`.
 *
 * @example Usage
 * ```ts
 * import { randomValues } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const values = randomValues(3, { seed: 1 });
 * assert.equal(values.length, 3);
 * assert.ok(values.every((v) => v >= -1 && v < 1)); // the default range [-1, 1)
 * assert.deepEqual(randomValues(3, { seed: 1 }), values); // same seed, same values
 * ```
 *
 * @param count How many values.
 * @param options Seed, range and integer rounding.
 * @returns The values.
 */
export function randomValues(count: number, options: RandomValuesOptions): number[] {
  const { min = -1, max = 1, integers = false } = options;
  let state = options.seed >>> 0;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    const v = min + u * (max - min);
    out[i] = integers ? Math.floor(v) : Math.fround(v);
  }
  return out;
}

/**
 * Splits a flat list into rows: `chunk([1,2,3,4], 2)` → `[[1,2],[3,4]]`.
 *
 * @param values The flat values.
 * @param width The row length.
 * @returns The rows.
 */
export function chunk<T>(values: readonly T[], width: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
  return rows;
}
