/**
 * The Gaussian blobs toy set.
 *
 * @module
 */

import { Tensor } from "@tinytorch/tensor";
import { checkInt, checkReal, type ToyOptions, toyRng, type ToySet, toySet } from "./_toy.ts";

/** Options of {@linkcode blobs}. */
export interface BlobsOptions extends ToyOptions {
  /** Number of points (default 300). */
  n?: number;
  /** Number of blobs, i.e. classes (default 3). */
  centers?: number;
  /** Dimensions of each point (default 2). */
  dims?: number;
  /** Standard deviation of each blob along every axis (default 0.5). */
  spread?: number;
}

/** Result of {@linkcode blobs}: the points, their labels and the blob centres. */
export interface Blobs extends ToySet {
  /** Centre of each blob, float32 `[centers, dims]`; row `k` is the centre of class `k`. */
  centers: Tensor;
}

/** Minimum distance between two blob centres. */
const MIN_CENTER_DISTANCE = 4;

/**
 * Gaussian blobs: `centers` centres drawn uniformly in a cube (half-width `4·⌈centers^(1/dims)⌉`)
 * at least 4 apart, then point `i` belongs to class `i % centers` and is its centre plus Gaussian
 * noise of standard deviation `spread`. With the default spread 0.5 the classes are separable by
 * nearest centre (each centre is 8 standard deviations from the next).
 *
 * @example
 * ```ts
 * import { blobs } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { x, y, centers } = blobs({ n: 90, centers: 3, dims: 4 });
 * assert.deepEqual(x.shape, [90, 4]);
 * assert.deepEqual(y.shape, [90]);
 * assert.deepEqual(centers.shape, [3, 4]);
 * ```
 *
 * @param options `n`, `centers`, `dims`, `spread`, `seed` (default 0) or `rng`.
 * @returns `x` float32 `[n, dims]`, `y` int32 `[n]` in [0, centers), `centers` `[centers, dims]`.
 * @throws {RangeError} For a count that is not a positive integer or a negative spread.
 */
export function blobs(options: BlobsOptions = {}): Blobs {
  const n = checkInt("blobs", "n", options.n ?? 300);
  const k = checkInt("blobs", "centers", options.centers ?? 3, 1, 1000);
  const dims = checkInt("blobs", "dims", options.dims ?? 2, 1, 10000);
  const spread = checkReal("blobs", "spread", options.spread ?? 0.5, 0);
  const rng = toyRng("blobs", options);
  const centers = placeCenters(rng, k, dims);
  const x = new Float32Array(n * dims);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % k;
    y[i] = label;
    for (let d = 0; d < dims; d++) {
      x[i * dims + d] = centers[label * dims + d] + spread * rng.normal();
    }
  }
  return { ...toySet(x, y, dims), centers: new Tensor(centers, [k, dims]) };
}

function placeCenters(
  rng: { uniform(low: number, high: number): number },
  k: number,
  dims: number,
) {
  const half = 4 * Math.ceil(k ** (1 / dims));
  const centers = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    for (let attempt = 0;; attempt++) {
      if (attempt === 10000) {
        throw new RangeError(
          `blobs: cannot place ${k} centers ${MIN_CENTER_DISTANCE} apart in ${dims} dimensions`,
        );
      }
      for (let d = 0; d < dims; d++) centers[c * dims + d] = rng.uniform(-half, half);
      if (farFromPrevious(centers, c, dims)) break;
    }
  }
  return centers;
}

function farFromPrevious(centers: Float32Array, c: number, dims: number): boolean {
  for (let other = 0; other < c; other++) {
    let sq = 0;
    for (let d = 0; d < dims; d++) sq += (centers[c * dims + d] - centers[other * dims + d]) ** 2;
    if (sq < MIN_CENTER_DISTANCE ** 2) return false;
  }
  return true;
}
