/**
 * The base class of every layer.
 *
 * @module
 */
import { Tensor } from "@tinytorch/tensor";
import { checkInShape } from "./_shape.ts";

/** What profiling reads from a layer's state: how many values, how many bytes. */
export interface Parameter {
  /** The number of stored values. */
  readonly size: number;
  /** The bytes they take (`byteLength` of the typed arrays). */
  readonly nbytes: number;
}

/**
 * A layer: a function of one tensor with, possibly, learnable parameters. Subclasses implement
 * {@linkcode Layer.forward}; the rest has sensible defaults.
 *
 * Shape contract: {@linkcode Layer.outputShape} says what `forward` returns for an input shape
 * and throws a `RangeError` naming the layer and the shape when the shape does not fit;
 * `forward` checks its input the same way before computing anything.
 *
 * FLOP convention ({@linkcode Layer.flops}): a multiply-add is 2 FLOPs, a bias add 1, an
 * element-wise activation 1 per element whatever its real cost (Sigmoid, Tanh, GELU and
 * Softmax included), and data movement (Flatten, Dropout at inference) 0.
 *
 * @example A layer of your own
 * ```ts
 * import { tensor, type Tensor } from "@tinytorch/tensor";
 * import { Layer } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 *
 * class Double extends Layer {
 *   forward(x: Tensor): Tensor {
 *     return x.mul(2);
 *   }
 * }
 * const layer = new Double();
 * assert.deepEqual(layer.forward(tensor([1, 2])).toArray(), [2, 4]);
 * assert.equal(layer.toString(), "Double()");
 * assert.equal(layer.training, true);
 * ```
 */
export abstract class Layer {
  /**
   * Whether the layer is in training mode (the default). Only layers that behave differently
   * while training, such as Dropout, look at it. Change it with `train()` and `eval()`.
   */
  training = true;

  /**
   * Applies the layer.
   *
   * @param x The input.
   * @returns The output, of shape `outputShape(x.shape)`.
   * @throws {RangeError} If the input's shape does not fit the layer.
   */
  abstract forward(x: Tensor): Tensor;

  /**
   * The stored state of the layer (its learnable tensors), in a stable order. The default is
   * none. Anything with `size` and `nbytes` may be a parameter: a float32 Tensor, or a quantized
   * tensor (module 15) whose `nbytes` also counts its scales and zero points.
   *
   * @returns The parameters (the objects themselves, not copies).
   */
  parameters(): Parameter[] {
    return [];
  }

  /**
   * The layers inside this one (a container's), for `train()` and `eval()` to reach. The default
   * is none.
   *
   * @returns The direct sub-layers.
   */
  children(): Layer[] {
    return [];
  }

  /**
   * Puts the layer and its children into training mode (or evaluation mode with `false`).
   *
   * @param mode `true` for training; default `true`.
   * @returns This layer, for chaining.
   */
  train(mode = true): this {
    this.training = mode;
    for (const child of this.children()) child.train(mode);
    return this;
  }

  /**
   * Puts the layer and its children into evaluation (inference) mode: `train(false)`.
   *
   * @returns This layer, for chaining.
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * The shape `forward` returns for an input of shape `inShape`. The default keeps the shape.
   *
   * @param inShape The input shape.
   * @returns The output shape (a fresh array).
   * @throws {RangeError} If the shape does not fit the layer.
   */
  outputShape(inShape: readonly number[]): number[] {
    return checkInShape(this.toString(), inShape);
  }

  /**
   * The floating-point operations of one `forward` on an input of shape `inShape`, by the
   * convention stated on {@linkcode Layer}. The default is 0 (no arithmetic).
   *
   * @param inShape The input shape.
   * @returns The FLOP count.
   * @throws {RangeError} If the shape does not fit the layer.
   */
  flops(inShape: readonly number[]): number {
    this.outputShape(inShape);
    return 0;
  }

  /**
   * The layer as PyTorch would print it, e.g. `ReLU()` or `Linear(784, 128)`.
   *
   * @returns The text.
   */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  /**
   * Checks `forward`'s argument: a tensor whose shape fits (see `outputShape`).
   *
   * @param x The argument.
   * @returns The output shape.
   * @throws {TypeError} If `x` is not a tensor.
   * @throws {RangeError} If its shape does not fit.
   */
  protected checkInput(x: Tensor): number[] {
    if (!(x instanceof Tensor)) {
      throw new TypeError(`Cannot apply ${this} to ${String(x)}: expected a Tensor`);
    }
    return this.outputShape(x.shape);
  }
}
