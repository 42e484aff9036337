/**
 * Tanh: the hyperbolic tangent.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";

/**
 * The hyperbolic tangent, element-wise: `tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))`, in
 * `(−1, 1)`; float32 result.
 *
 * Numerics: the textbook quotient is `Infinity / Infinity = NaN` beyond |x| ≈ 710. `Math.tanh`
 * is correctly saturating (tanh(±1000) = ±1) and accurate near 0, so use it.
 *
 * Hint: `x.astype("float32")` is a float32 copy of `x`; overwrite each of its `.data[i]`.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { tanh } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(tanh(tensor([-1000, 0, 1000])).toArray(), [-1, 0, 1]);
 * ```
 *
 * @param x The input.
 * @returns A new float32 tensor of the same shape.
 */
export function tanh(x: Tensor): Tensor {
  // #region solution layers.1
  const y = x.astype("float32");
  const data = y.data;
  for (let i = 0; i < data.length; i++) data[i] = Math.tanh(data[i]);
  return y;
  // #endregion
}

/**
 * {@linkcode tanh} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { Tanh } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(new Tanh().forward(tensor([0])).toArray(), [0]);
 * ```
 */
export class Tanh extends Activation {
  /**
   * Applies tanh element-wise.
   *
   * @param x The input, any shape.
   * @returns `tanh(x)`, float32.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return tanh(x);
  }
}
