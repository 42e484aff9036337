/**
 * Sigmoid: `1 / (1 + e^(−x))`, computed without overflow.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";

/**
 * The logistic sigmoid, element-wise: `σ(x) = 1 / (1 + e^(−x))`, in `(0, 1)`; float32 result.
 *
 * Numerics: `e^(−x)` overflows to Infinity for `x < −709` in float64 (`x < −88` in float32),
 * and the textbook `e^x / (1 + e^x)` gives `Infinity / Infinity = NaN` for large positive `x`.
 * Use the stable two-branch form, which only ever exponentiates a non-positive number:
 * `x ≥ 0`: `1 / (1 + e^(−x))`; `x < 0`: `e^x / (1 + e^x)`. So σ(1000) = 1 and σ(−1000) = 0.
 *
 * Hint: `x.astype("float32")` is a float32 copy of `x`; overwrite each of its `.data[i]`.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { sigmoid } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(sigmoid(tensor([-1000, 0, 1000])).toArray(), [0, 0.5, 1]);
 * ```
 *
 * @param x The input.
 * @returns A new float32 tensor of the same shape.
 */
export function sigmoid(x: Tensor): Tensor {
  // #region solution layers.1
  const y = x.astype("float32");
  const data = y.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v >= 0) {
      data[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      data[i] = e / (1 + e);
    }
  }
  return y;
  // #endregion
}

/**
 * {@linkcode sigmoid} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { Sigmoid } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(new Sigmoid().forward(tensor([0])).toArray(), [0.5]);
 * ```
 */
export class Sigmoid extends Activation {
  /**
   * Applies the sigmoid element-wise.
   *
   * @param x The input, any shape.
   * @returns `1 / (1 + e^(−x))`, float32.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return sigmoid(x);
  }
}
