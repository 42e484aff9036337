/**
 * ReLU: `max(0, x)`.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";

/**
 * The rectified linear unit, element-wise: `relu(x) = max(0, x)`. Negative values become 0,
 * the rest (and NaN) pass through. The result has the dtype and shape of `x`.
 *
 * Hint: `x.clone()` is a copy with its own memory (same dtype); set its negative entries
 * (`.data[i]`) to 0. Do not change `x`.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { relu } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(relu(tensor([-2, 0, 3])).toArray(), [0, 0, 3]);
 * ```
 *
 * @param x The input.
 * @returns A new tensor.
 */
export function relu(x: Tensor): Tensor {
  // #region solution layers.1
  const y = x.clone();
  const data = y.data;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < 0) data[i] = 0;
  }
  return y;
  // #endregion
}

/**
 * {@linkcode relu} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { ReLU } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.deepEqual(new ReLU().forward(tensor([[-1, 1]])).toArray(), [[0, 1]]);
 * ```
 */
export class ReLU extends Activation {
  /**
   * Applies ReLU element-wise.
   *
   * @param x The input, any shape.
   * @returns `max(0, x)`.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return relu(x);
  }
}
