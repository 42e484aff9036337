/**
 * Flatten: one feature vector per example.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { formatShape, sizeOf } from "./_shape.ts";
import { Layer } from "./layer.ts";

/**
 * Flattens every axis but the first (the batch): `[N, C, H, W]` → `[N, C·H·W]`, as PyTorch's
 * `nn.Flatten()`. Use it between image-shaped data and a `Linear`: `[N, 28, 28]` → `[N, 784]`.
 * No arithmetic: 0 FLOPs.
 *
 * @example Usage
 * ```ts
 * import { zeros } from "@tinytorch/tensor";
 * import { Flatten } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const layer = new Flatten();
 * assert.deepEqual(layer.outputShape([32, 28, 28]), [32, 784]);
 * assert.deepEqual(layer.forward(zeros([2, 3, 4])).shape, [2, 12]);
 * ```
 */
export class Flatten extends Layer {
  /**
   * `[N, ...rest]` → `[N, product(rest)]`.
   *
   * @param inShape The input shape.
   * @returns The output shape.
   * @throws {RangeError} For fewer than 2 axes (there must be a batch axis and something to
   * flatten).
   */
  override outputShape(inShape: readonly number[]): number[] {
    const shape = super.outputShape(inShape);
    if (shape.length < 2) {
      throw new RangeError(
        `Cannot apply Flatten() to a tensor of shape ${
          formatShape(shape)
        }: expected a batch axis and at least one more`,
      );
    }
    return [shape[0], sizeOf(shape.slice(1))];
  }

  /**
   * Flattens all axes after the first.
   *
   * Hint: `this.checkInput(x)` (given) checks `x` and returns the output shape; a reshape
   * does the rest (it is a view: no data is copied).
   *
   * @param x The input, at least 2-D.
   * @returns `x` viewed as `[N, product(rest)]`.
   * @throws {RangeError} For fewer than 2 axes.
   */
  forward(x: Tensor): Tensor {
    // #region solution layers.4
    return x.reshape(this.checkInput(x));
    // #endregion
  }
}
