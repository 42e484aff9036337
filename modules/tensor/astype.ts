/**
 * Checked dtype conversion.
 *
 * @module
 */
import { checkTensor } from "./_check_tensor.ts";
import { allocate, checkDType, INT_RANGES } from "./_dtype.ts";
import type { DType } from "./dtype.ts";
import { unravelIndex } from "./_shape.ts";
import { formatShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/**
 * A copy of `x` converted to `dtype`.
 *
 * - To float32: values round to the nearest float32 (integers above 2^24 may change).
 * - To an integer dtype: floats are truncated toward zero first, as NumPy's `astype` and C casts
 *   do (`2.7 → 2`, `-2.7 → -2`); rounding to nearest is a separate, explicit step (quantization
 *   uses round-half-to-even). Then every value must be finite and fit the target range (`int8`:
 *   `[-128, 127]`), because a typed array would silently wrap (`Int8Array.of(200)` holds `-56`).
 *
 * Hints: check each value before writing it; `Math.trunc` truncates; `unravelIndex` turns a flat
 * position into the index to report.
 *
 * @example Usage
 * ```ts
 * import { astype, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(astype(tensor([1.9, -1.9, 127]), "int8").toArray(), [1, -1, 127]);
 * ```
 *
 * @param x The tensor.
 * @param dtype The target dtype.
 * @returns The converted copy (a copy even when the dtype is unchanged).
 * @throws {TypeError} For an unknown dtype.
 * @throws {RangeError} For a non-finite or out-of-range value, naming the value, its index and
 * the range or that it is not finite, e.g. `Cannot convert 300 at index [0,2] to int8: it is
 * outside [-128, 127]` and `Cannot convert NaN at index [1] to int32: it is not finite`.
 */
export function astype(x: Tensor, dtype: DType): Tensor {
  // #region solution tensor.6
  const t = checkTensor(x, "convert");
  const target = checkDType(dtype, "convert a tensor");
  const out = allocate(target, t.size);
  if (target === "float32") {
    out.set(t.data);
    return new Tensor(out, t.shape);
  }
  const [lo, hi] = INT_RANGES[target];
  for (let i = 0; i < t.size; i++) {
    const v = Math.trunc(t.data[i]);
    if (!(v >= lo && v <= hi)) {
      const at = formatShape(unravelIndex(i, t.shape));
      const why = Number.isFinite(v) ? `it is outside [${lo}, ${hi}]` : "it is not finite";
      throw new RangeError(`Cannot convert ${t.data[i]} at index ${at} to ${target}: ${why}`);
    }
    out[i] = v;
  }
  return new Tensor(out, t.shape);
  // #endregion
}
