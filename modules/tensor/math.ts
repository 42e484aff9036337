/**
 * Element-wise math functions: `neg`, `exp`, `log`, `sqrt`, `abs`, `clip`.
 *
 * Dtype rules: `exp`, `log` and `sqrt` always give float32. `neg`, `abs` and `clip` keep float32
 * and turn integer tensors into int32 (so `neg` of int8 `-128` is `128`, not a wrapped `-128`);
 * `clip` of an integer tensor with a non-integer bound gives float32.
 *
 * @module
 */
import { checkTensor } from "./_check_tensor.ts";
import { allocate } from "./_dtype.ts";
import type { DType } from "./dtype.ts";
import { Tensor } from "./tensor.ts";

/**
 * A new tensor of the same shape with `f` applied to every element, stored as `dtype`.
 *
 * Hints: allocate the output with `allocate(dtype, x.size)`, loop once over `x.data`.
 *
 * @param x The input.
 * @param dtype The result dtype.
 * @param f The function of one element.
 * @returns The mapped tensor.
 */
export function mapValues(x: Tensor, dtype: DType, f: (v: number) => number): Tensor {
  // #region solution tensor.2
  const src = x.data;
  const out = allocate(dtype, src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]);
  return new Tensor(out, x.shape);
  // #endregion
}

function sameOrInt32(x: Tensor): DType {
  return x.dtype === "float32" ? "float32" : "int32";
}

/**
 * `-x` element-wise; integer tensors give int32.
 *
 * @param x The input.
 * @returns The negation.
 * @throws {TypeError} If `x` is not a tensor.
 */
export function neg(x: Tensor): Tensor {
  // #region solution tensor.2
  const t = checkTensor(x, "negate");
  return mapValues(t, sameOrInt32(t), (v) => -v);
  // #endregion
}

/**
 * `e^x` element-wise, as float32 (large inputs overflow to `Infinity`).
 *
 * @example Usage
 * ```ts
 * import { exp, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(exp(tensor([0])).toArray(), [1]);
 * ```
 *
 * @param x The input.
 * @returns The exponentials.
 * @throws {TypeError} If `x` is not a tensor.
 */
export function exp(x: Tensor): Tensor {
  // #region solution tensor.2
  return mapValues(checkTensor(x, "exponentiate"), "float32", Math.exp);
  // #endregion
}

/**
 * The natural logarithm element-wise, as float32: `log(0)` is `-Infinity`, a negative input
 * gives `NaN` (as NumPy, without the warning).
 *
 * @param x The input.
 * @returns The logarithms.
 * @throws {TypeError} If `x` is not a tensor.
 */
export function log(x: Tensor): Tensor {
  // #region solution tensor.2
  return mapValues(checkTensor(x, "take the logarithm of"), "float32", Math.log);
  // #endregion
}

/**
 * The square root element-wise, as float32; negative inputs give `NaN`.
 *
 * @param x The input.
 * @returns The square roots.
 * @throws {TypeError} If `x` is not a tensor.
 */
export function sqrt(x: Tensor): Tensor {
  // #region solution tensor.2
  return mapValues(checkTensor(x, "take the square root of"), "float32", Math.sqrt);
  // #endregion
}

/**
 * `|x|` element-wise; integer tensors give int32.
 *
 * @param x The input.
 * @returns The absolute values.
 * @throws {TypeError} If `x` is not a tensor.
 */
export function abs(x: Tensor): Tensor {
  // #region solution tensor.2
  const t = checkTensor(x, "take the absolute value of");
  return mapValues(t, sameOrInt32(t), Math.abs);
  // #endregion
}

/**
 * Limits every element to `[low, high]`: `min(max(x, low), high)`; NaN stays NaN. Integer
 * tensors give int32 when both bounds are integers, float32 otherwise.
 *
 * @example Usage
 * ```ts
 * import { clip, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(clip(tensor([-2, 0.5, 3]), -1, 1).toArray(), [-1, 0.5, 1]);
 * ```
 *
 * @param x The input.
 * @param low The lower bound.
 * @param high The upper bound.
 * @returns The clipped tensor.
 * @throws {TypeError} If a bound is not a number.
 * @throws {RangeError} If a bound is NaN or `low > high`.
 */
export function clip(x: Tensor, low: number, high: number): Tensor {
  // #region solution tensor.2
  const t = checkTensor(x, "clip");
  if (typeof low !== "number" || typeof high !== "number") {
    throw new TypeError(`Cannot clip to [${String(low)}, ${String(high)}]: expected numbers`);
  }
  if (!(low <= high)) {
    throw new RangeError(`Cannot clip to [${low}, ${high}]: low must not exceed high`);
  }
  const ints = Number.isInteger(low) && Number.isInteger(high);
  const dtype = t.dtype !== "float32" && ints ? "int32" : "float32";
  return mapValues(t, dtype, (v) => Math.min(Math.max(v, low), high));
  // #endregion
}
