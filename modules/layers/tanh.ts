/**
 * Tanh: the hyperbolic tangent.
 *
 * @module
 */
import { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";

/**
 * The hyperbolic tangent, element-wise: `tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))`, in
 * `(−1, 1)`; float32 result.
 *
 * Numerics: the textbook quotient is `Infinity / Infinity = NaN` beyond |x| ≈ 710. `Math.tanh`
 * is correctly saturating (tanh(±1000) = ±1) and accurate near 0, so use it.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { tanh } from "@tinytorch/layers";
 * console.log(tanh(tensor([-1000, 0, 1000])).toArray()); // [-1, 0, 1]
 * ```
 *
 * @param x The input.
 * @returns A new float32 tensor of the same shape.
 */
export function tanh(x: Tensor): Tensor {
  // #region solution layers.1
  const out = new Float32Array(x.size);
  for (let i = 0; i < out.length; i++) out[i] = Math.tanh(x.data[i]);
  return new Tensor(out, x.shape);
  // #endregion
}

/**
 * {@linkcode tanh} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { Tanh } from "@tinytorch/layers";
 * console.log(new Tanh().forward(tensor([0])).toArray()); // [0]
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
