/**
 * Linear: the fully connected layer `y = x @ Wᵀ + b`.
 *
 * @module
 */
import {
  matmulF32,
  rand,
  type RandomOptions,
  resolveRng,
  Tensor,
  type TypedArray,
} from "@tinytorch/tensor";
import { formatShape, sizeOf } from "./_shape.ts";
import { Layer } from "./layer.ts";

function asFloat32(data: TypedArray): Float32Array {
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/**
 * Checks the operands of {@linkcode linear} (given): `x` is `[..., in]`, `weight` is
 * `[out, in]`, `bias` is `[out]` or null.
 *
 * @throws {RangeError} Naming the shapes, when they do not fit.
 */
function checkLinearShapes(x: Tensor, weight: Tensor, bias: Tensor | null): void {
  const shapes = `x of shape ${formatShape(x.shape)} and weight of shape ${
    formatShape(weight.shape)
  }`;
  if (weight.ndim !== 2) {
    throw new RangeError(`Cannot apply linear() to ${shapes}: weight must be [out, in]`);
  }
  const [out, inFeatures] = weight.shape;
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inFeatures) {
    throw new RangeError(
      `Cannot apply linear() to ${shapes}: expected last dimension ${inFeatures}`,
    );
  }
  if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== out)) {
    throw new RangeError(
      `Cannot apply linear() with a bias of shape ${formatShape(bias.shape)}: expected [${out}]`,
    );
  }
}

/**
 * `x @ Wᵀ` (given): a float32 tensor of shape `[..., out]`, `x` read as `x.size / in` rows of `in`
 * values and multiplied by the rows of `weight` with the tensor module's `matmulF32` and
 * `transposeB`, so no transposed copy of the weight is ever built.
 *
 * @param x The input, `[..., in]`.
 * @param weight The weights, `[out, in]`.
 * @returns The product, `[..., out]`.
 */
function timesWeightT(x: Tensor, weight: Tensor): Tensor {
  const [out, inFeatures] = weight.shape;
  const rows = x.size / inFeatures;
  const y = matmulF32(asFloat32(x.data), asFloat32(weight.data), rows, inFeatures, out, {
    transposeB: true,
  });
  return new Tensor(y, [...x.shape.slice(0, -1), out]);
}

/**
 * The affine map of a Linear layer: `y = x @ Wᵀ + b`, i.e.
 * `y[..., o] = b[o] + Σ_i x[..., i] · W[o, i]`; float32 result of shape `[..., out]`.
 *
 * `weight` has PyTorch's layout `[out, in]`: row `o` holds the weights of output `o`, so each
 * output is the dot product of an input row with a weight row. `x` may be 1-D (`[in]` → `[out]`)
 * or batched (`[N, in]` → `[N, out]`, and any number of leading axes).
 *
 * Hints: start with `checkLinearShapes(x, weight, bias)` (given, in this file). Simplest correct
 * body: `x.matmul(weight.transpose())`, then `.add(bias)` (it broadcasts over the rows). Faster:
 * the transpose copies the whole weight on every call, while `timesWeightT(x, weight)` (given,
 * in this file) multiplies by the weight's rows directly; then add `bias.data[o]` to every
 * element whose last index is `o`, in place (the result is a fresh tensor).
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { linear } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const w = tensor([[1, 0], [0, 1], [1, 1]]); // 2 inputs → 3 outputs
 * assert.deepEqual(linear(tensor([[2, 3]]), w, tensor([0, 0, 10])).toArray(), [[2, 3, 15]]);
 * ```
 *
 * @param x The input, `[..., in]`.
 * @param weight The weights, `[out, in]`.
 * @param bias The biases, `[out]`, or `null` for none.
 * @returns `x @ Wᵀ + b`, `[..., out]`.
 * @throws {RangeError} If the shapes do not fit.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  // #region solution layers.3
  checkLinearShapes(x, weight, bias);
  const y = timesWeightT(x, weight);
  if (bias !== null) {
    const data = y.data;
    const b = bias.data;
    const out = b.length;
    for (let r = 0; r < data.length; r += out) {
      for (let o = 0; o < out; o++) data[r + o] += b[o];
    }
  }
  return y;
  // #endregion
}

/** Options of {@linkcode Linear}. */
export interface LinearOptions extends RandomOptions {
  /** Whether the layer has a bias; default `true`. */
  bias?: boolean;
}

function checkFeatures(name: string, n: unknown): number {
  if (typeof n !== "number") {
    throw new TypeError(`Cannot create Linear with ${name} ${String(n)}: expected a number`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Cannot create Linear with ${name} ${n}: expected a positive integer`);
  }
  return n;
}

/**
 * A fully connected layer: `forward(x) = x @ Wᵀ + b` (see {@linkcode linear}), with
 * `weight` of shape `[outFeatures, inFeatures]` (PyTorch's layout) and `bias` of shape
 * `[outFeatures]`.
 *
 * Initialisation is PyTorch's default: every weight and bias drawn from the uniform
 * distribution `U(−1/√in, 1/√in)` (Kaiming-uniform with `a = √5` reduces to this bound), from
 * `rng`, a fresh generator seeded with `seed`, or the tensor module's default generator.
 *
 * FLOPs for an input `[..., in]` with `B` rows (the product of the leading axes; 1 for 1-D):
 * `2·B·in·out` for the multiply-adds plus `B·out` for the bias adds.
 *
 * @example Usage
 * ```ts
 * import { zeros } from "@tinytorch/tensor";
 * import { Linear } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const layer = new Linear(784, 128, { seed: 0 });
 * assert.deepEqual(layer.weight.shape, [128, 784]);
 * assert.deepEqual(layer.bias?.shape, [128]);
 * assert.deepEqual(layer.forward(zeros([32, 784])).shape, [32, 128]);
 * assert.equal(layer.flops([32, 784]), 6426624); // 2·32·784·128 + 32·128
 * ```
 */
export class Linear extends Layer {
  /** The size of each input row. */
  readonly inFeatures: number;
  /** The size of each output row. */
  readonly outFeatures: number;
  /** The weights, `[outFeatures, inFeatures]`. */
  weight: Tensor;
  /** The biases, `[outFeatures]`, or `null` for a layer without bias. */
  bias: Tensor | null;

  /**
   * Creates the layer with PyTorch's default initialisation.
   *
   * @param inFeatures The input size.
   * @param outFeatures The output size.
   * @param options `bias` (default `true`), and `rng` or `seed`.
   * @throws {TypeError} If a size is not a number.
   * @throws {RangeError} If a size is not a positive integer.
   */
  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = checkFeatures("inFeatures", inFeatures);
    this.outFeatures = checkFeatures("outFeatures", outFeatures);
    const rng = resolveRng(options);
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = rand([outFeatures, inFeatures], { rng, low: -bound, high: bound });
    this.bias = options.bias === false
      ? null
      : rand([outFeatures], { rng, low: -bound, high: bound });
  }

  /**
   * `[weight, bias]`, or `[weight]` without bias.
   *
   * @returns The parameters (the tensors themselves).
   */
  override parameters(): Tensor[] {
    return this.bias === null ? [this.weight] : [this.weight, this.bias];
  }

  /**
   * `[..., inFeatures]` → `[..., outFeatures]`.
   *
   * @param inShape The input shape.
   * @returns The output shape.
   * @throws {RangeError} If the last dimension is not `inFeatures`, e.g. `Cannot apply
   * Linear(784, 128) to a tensor of shape [2,10]: expected last dimension 784`.
   */
  override outputShape(inShape: readonly number[]): number[] {
    const shape = super.outputShape(inShape);
    if (shape.length === 0 || shape[shape.length - 1] !== this.inFeatures) {
      throw new RangeError(
        `Cannot apply ${this} to a tensor of shape ${
          formatShape(shape)
        }: expected last dimension ${this.inFeatures}`,
      );
    }
    return [...shape.slice(0, -1), this.outFeatures];
  }

  /**
   * `2·B·in·out + B·out` (no `B·out` term without bias), where `B` is the number of rows.
   *
   * @param inShape The input shape.
   * @returns The FLOP count.
   * @throws {RangeError} If the shape does not fit.
   */
  override flops(inShape: readonly number[]): number {
    this.outputShape(inShape);
    const rows = sizeOf(inShape.slice(0, -1));
    const bias = this.bias === null ? 0 : rows * this.outFeatures;
    return 2 * rows * this.inFeatures * this.outFeatures + bias;
  }

  /**
   * Applies `x @ Wᵀ + b`.
   *
   * @param x The input, `[..., inFeatures]`.
   * @returns The output, `[..., outFeatures]`, float32.
   * @throws {RangeError} If the last dimension of `x` is not `inFeatures`.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return linear(x, this.weight, this.bias);
  }

  /**
   * `Linear(784, 128)`, or `Linear(784, 128, bias=false)`.
   *
   * @returns The text.
   */
  override toString(): string {
    const bias = this.bias === null ? ", bias=false" : "";
    return `Linear(${this.inFeatures}, ${this.outFeatures}${bias})`;
  }
}
