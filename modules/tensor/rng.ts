/**
 * A small seeded random number generator, so every run of the course is reproducible.
 *
 * @module
 */

/**
 * A seeded pseudo-random generator: mulberry32 for uniform numbers (32 bits of state, period
 * 2^32, plenty for teaching) and the Box-Muller transform for normal numbers. The same seed gives
 * the same sequence on every machine. Library code never uses JavaScript's global, unseeded
 * generator.
 *
 * @example Usage
 * ```ts
 * import { Rng } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const a = new Rng(42);
 * const b = new Rng(42);
 * assert.equal(a.next(), b.next());
 * ```
 */
export class Rng {
  #state: number;
  #spare: number | undefined;

  /**
   * Creates a generator.
   *
   * @param seed Any integer; it is reduced to 32 bits.
   * @throws {TypeError} If `seed` is not a number.
   * @throws {RangeError} If `seed` is not an integer (1.5 and 1 would silently give the same stream).
   */
  constructor(seed: number) {
    if (typeof seed !== "number") {
      throw new TypeError(`Cannot seed a generator with ${String(seed)}: expected a number`);
    }
    if (!Number.isInteger(seed)) {
      throw new RangeError(`Cannot seed a generator with ${seed}: expected an integer`);
    }
    this.#state = Math.trunc(seed) >>> 0;
  }

  /**
   * The next uniform number in `[0, 1)`, with 32 random bits.
   *
   * @returns The number.
   */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A uniform number in `[low, high)`.
   *
   * @param low The lower bound; default 0.
   * @param high The upper bound; default 1.
   * @returns The number.
   */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /**
   * A normal number (Box-Muller: two uniforms give two independent normals; the second is kept
   * for the next call).
   *
   * @param mean The mean; default 0.
   * @param std The standard deviation; default 1.
   * @returns The number.
   */
  normal(mean = 0, std = 1): number {
    if (this.#spare !== undefined) {
      const z = this.#spare;
      this.#spare = undefined;
      return mean + std * z;
    }
    const u1 = 1 - this.next(); // in (0, 1]: log(0) would be -Infinity
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.#spare = r * Math.sin(2 * Math.PI * u2);
    return mean + std * r * Math.cos(2 * Math.PI * u2);
  }

  /**
   * A uniform integer in `[low, high)`.
   *
   * @param low The smallest value.
   * @param high One past the largest value.
   * @returns The integer.
   * @throws {RangeError} If the range is empty or its bounds are not integers.
   */
  int(low: number, high: number): number {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new RangeError(
        `Cannot draw an integer from [${low}, ${high}): need integers low < high`,
      );
    }
    return low + Math.floor(this.next() * (high - low));
  }

  /**
   * Shuffles an array in place (Fisher-Yates) and returns it.
   *
   * @param items The array.
   * @returns The same array, shuffled.
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** The seed of the module's default generator. */
export const DEFAULT_SEED = 0;

let defaultGenerator = new Rng(DEFAULT_SEED);

/**
 * The module's default generator, used when a function gets neither `rng` nor `seed`. It starts
 * from {@linkcode DEFAULT_SEED}, so a whole run is reproducible.
 *
 * @returns The shared generator.
 */
export function defaultRng(): Rng {
  return defaultGenerator;
}

/**
 * Restarts the default generator from a seed (PyTorch's `torch.manual_seed`).
 *
 * @param seed The new seed.
 */
export function manualSeed(seed: number): void {
  defaultGenerator = new Rng(seed);
}

/** Options of functions that draw random numbers. */
export interface RandomOptions {
  /** The generator to draw from; wins over `seed`. */
  rng?: Rng;
  /** Draw from a fresh generator with this seed. */
  seed?: number;
}

/**
 * The generator an options object asks for: its `rng`, a new one from its `seed`, or the
 * default generator.
 *
 * @param options The options.
 * @returns The generator.
 * @throws {TypeError} If `rng` is not an {@linkcode Rng}.
 */
export function resolveRng(options: RandomOptions = {}): Rng {
  if (options.rng !== undefined) {
    if (!(options.rng instanceof Rng)) {
      throw new TypeError("Cannot draw random numbers: the rng option must be an Rng");
    }
    return options.rng;
  }
  return options.seed !== undefined ? new Rng(options.seed) : defaultGenerator;
}
