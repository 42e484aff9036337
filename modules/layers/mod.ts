/**
 * `@tinytorch/layers`, course modules 02 (activations) and 03 (layers): the building blocks of
 * a neural network on top of `@tinytorch/tensor`.
 *
 * - {@linkcode Layer}: the base class (`forward`, `parameters`, `train`/`eval`, `outputShape`,
 *   `flops`);
 * - activations, as layers and as functions: {@linkcode ReLU}, {@linkcode Sigmoid} (stable for
 *   any input), {@linkcode Tanh}, {@linkcode GELU} (exact or tanh approximation),
 *   {@linkcode Softmax} (max-subtracted);
 * - {@linkcode Linear} (`x @ Wᵀ + b`, weight `[out, in]`), {@linkcode Flatten},
 *   {@linkcode Dropout} (inverted, seeded) and {@linkcode Sequential}.
 *
 * @example The 784→128→64→10 MLP
 * ```ts
 * import { rand } from "@tinytorch/tensor";
 * import { Dropout, Flatten, Linear, ReLU, Sequential, Softmax } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 *
 * const model = new Sequential(
 *   new Flatten(),
 *   new Linear(784, 128, { seed: 1 }), new ReLU(), new Dropout(0.2, { seed: 2 }),
 *   new Linear(128, 64, { seed: 3 }), new ReLU(),
 *   new Linear(64, 10, { seed: 4 }), new Softmax(),
 * );
 * const images = rand([8, 28, 28], { seed: 5 });
 * const probs = model.eval().forward(images); // [8, 10], each row sums to 1
 * assert.deepEqual(probs.shape, [8, 10]);
 * assert.deepEqual(model.outputShape([8, 28, 28]), [8, 10]);
 * assert.equal(model.parameters().reduce((n, p) => n + p.size, 0), 109386);
 * // 2·109184 multiply-adds + 202 bias adds + 202 activations:
 * assert.equal(model.flops([1, 28, 28]), 218772);
 * ```
 *
 * @module
 */
export * from "./layer.ts";
export * from "./activation.ts";
export * from "./relu.ts";
export * from "./sigmoid.ts";
export * from "./tanh.ts";
export * from "./gelu.ts";
export * from "./softmax.ts";
export * from "./linear.ts";
export * from "./flatten.ts";
export * from "./dropout.ts";
export * from "./sequential.ts";
/** Types from `@tinytorch/tensor` that this package's signatures use (for the docs). */
export type {
  DType,
  DTypeMap,
  NestedArray,
  RandomOptions,
  ReduceOptions,
  Rng,
  Tensor,
  TypedArray,
} from "@tinytorch/tensor";
