/**
 * Softmax: turns scores into probabilities along one axis, without overflow.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { resolveAxis } from "./_shape.ts";
import { Activation } from "./activation.ts";

/** Options of {@linkcode softmax} and {@linkcode Softmax}. */
export interface SoftmaxOptions {
  /** The axis whose entries sum to 1; default `-1` (the last: one distribution per row). */
  axis?: number;
}

/**
 * Softmax along `axis`: `softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)`; float32 result, same shape.
 *
 * Numerics: `e^1000` is Infinity, so the textbook formula gives NaN for large scores. Softmax
 * does not change when a constant is subtracted from every entry, so subtract the maximum
 * along the axis first: then every exponent is ≤ 0, the largest term is exactly 1 and the sum
 * lies in `[1, n]`. softmax([1000, 1001, 1002]) = [0.09003057, 0.24472847, 0.66524096].
 *
 * Hint: with `keepdims: true`, the max and the sum keep a length-1 axis and broadcast back:
 * `x.max({ axis, keepdims: true })`, `.sub`, `.exp()`, `.sum({ axis, keepdims: true })`,
 * `.div`.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { softmax } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(softmax(tensor([[0, 0], [1000, 1000]])).toArray(), [[0.5, 0.5], [0.5, 0.5]]);
 * ```
 *
 * @param x The scores.
 * @param options `axis`.
 * @returns The probabilities.
 * @throws {RangeError} If `axis` is not an axis of `x`.
 */
export function softmax(x: Tensor, options: SoftmaxOptions = {}): Tensor {
  // #region solution layers.2
  const axis = options.axis ?? -1;
  const shifted = x.sub(x.max({ axis, keepdims: true }));
  const e = shifted.exp();
  return e.div(e.sum({ axis, keepdims: true }));
  // #endregion
}

/**
 * {@linkcode softmax} as a layer: probabilities along `axis` (default the last).
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { Softmax } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const layer = new Softmax({ axis: 0 });
 * assert.equal(layer.toString(), "Softmax(axis=0)");
 * assert.deepEqual(layer.forward(tensor([1, 1])).toArray(), [0.5, 0.5]);
 * ```
 */
export class Softmax extends Activation {
  /** The axis whose entries sum to 1; negative counts from the end. */
  readonly axis: number;

  /**
   * Creates the layer.
   *
   * @param options `axis`; default `-1`.
   * @throws {TypeError} If `axis` is not an integer.
   */
  constructor(options: SoftmaxOptions = {}) {
    super();
    const axis = options.axis ?? -1;
    if (!Number.isInteger(axis)) {
      throw new TypeError(`Cannot create Softmax with axis ${String(axis)}: expected an integer`);
    }
    this.axis = axis;
  }

  /**
   * The same shape; checks that `axis` exists.
   *
   * @param inShape The input shape.
   * @returns A copy of `inShape`.
   * @throws {RangeError} If the input has no axis `axis`.
   */
  override outputShape(inShape: readonly number[]): number[] {
    const shape = super.outputShape(inShape);
    resolveAxis(this.toString(), this.axis, shape);
    return shape;
  }

  /**
   * Applies softmax along `axis`.
   *
   * @param x The scores.
   * @returns The probabilities, float32.
   * @throws {RangeError} If `x` has no axis `axis`.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return softmax(x, { axis: this.axis });
  }

  /**
   * `Softmax(axis=-1)`.
   *
   * @returns The text.
   */
  override toString(): string {
    return `Softmax(axis=${this.axis})`;
  }
}
