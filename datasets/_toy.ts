/**
 * Shared helpers of the toy data sets: option checks, the generator, wrapping into tensors.
 *
 * @module
 */

import { Rng, Tensor } from "@tinytorch/tensor";

/** Options common to every toy set. */
export interface ToyOptions {
  /** Number of points, a positive integer. */
  n?: number;
  /** Seed of a fresh generator (default 0, so a call without options is reproducible). */
  seed?: number;
  /** Generator to draw from instead; wins over `seed`. */
  rng?: Rng;
}

/** A toy data set: `x` float32 `[n, d]`, `y` int32 `[n]`. */
export interface ToySet {
  /** Inputs, float32 `[n, d]`. */
  x: Tensor;
  /** Class labels, int32 `[n]`. */
  y: Tensor;
}

/** The generator `options` asks for: its `rng`, else a new one seeded with `seed` (default 0). */
export function toyRng(op: string, options: ToyOptions): Rng {
  if (options.rng !== undefined) {
    if (!(options.rng instanceof Rng)) throw new TypeError(`${op}: the rng option must be an Rng`);
    return options.rng;
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new TypeError(`${op}: the seed must be an integer, got ${String(seed)}`);
  }
  return new Rng(seed);
}

/** Checks that `value` is an integer in [min, max]; names the option in the error. */
export function checkInt(op: string, name: string, value: number, min = 1, max = Infinity): number {
  if (typeof value !== "number") {
    throw new TypeError(`${op}: ${name} must be a number, got ${typeof value}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${op}: ${name} must be an integer ${range}, got ${value}`);
  }
  return value;
}

/** Checks that `value` is a finite number in [min, max]; names the option in the error. */
export function checkReal(op: string, name: string, value: number, min: number, max = Infinity) {
  if (typeof value !== "number") {
    throw new TypeError(`${op}: ${name} must be a number, got ${typeof value}`);
  }
  if (!(value >= min && value <= max) || !Number.isFinite(value)) {
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${op}: ${name} must be a finite number ${range}, got ${value}`);
  }
  return value;
}

/** Wraps raw arrays (not copied) as a toy set. */
export function toySet(x: Float32Array, y: Int32Array, dims: number): ToySet {
  return { x: new Tensor(x, [y.length, dims]), y: new Tensor(y, [y.length]) };
}
