/**
 * A small seeded pseudo-random generator (mulberry32) private to this package.
 *
 * The MNIST split and the reference MLP's training depend on its exact sequence: the committed
 * weights and their manifest are only reproducible while it stays as it is. It is therefore kept
 * here, independent of `@tinytorch/tensor`'s `Rng`, so that a change there cannot silently move
 * digits between the train and test splits.
 *
 * @module
 */

const TWO_POW_32 = 4294967296;

/** Seeded generator: uniforms in [0, 1), integers in [0, n), standard normals (Box–Muller). */
export class Prng {
  #state: number;
  #spare: number | null = null;

  /** Starts the sequence from an integer seed (any integer; only its low 32 bits matter). */
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }

  /** The next integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** The next standard normal number (mean 0, standard deviation 1). */
  normal(): number {
    if (this.#spare !== null) {
      const spare = this.#spare;
      this.#spare = null;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.#spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

/** Shuffles `values` in place (Fisher–Yates) with `prng` and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  values: T,
  prng: Prng,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}

/** Throws unless `seed` is an integer (TypeError for a non-number, RangeError otherwise). */
export function checkSeed(operation: string, seed: number): void {
  if (typeof seed !== "number") {
    throw new TypeError(`${operation} expects a numeric seed, got ${typeof seed}`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${operation} expects an integer seed, got ${seed}`);
  }
}
