/**
 * Shape operations: `reshape` and `flatten` (views of the same data) and `transpose` (a copy).
 *
 * @module
 */
import { checkTensor } from "./_check_tensor.ts";
import { allocate } from "./_dtype.ts";
import { normalizeAxis } from "./_shape.ts";
import { formatShape, stridesOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/**
 * The same elements in a new shape. Row-major data does not move: only the shape changes, so the
 * result shares `data` with `x` (a view, like NumPy's). One dimension may be `-1`: it becomes
 * whatever makes the sizes match.
 *
 * @example Usage
 * ```ts
 * import { arange, reshape } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(reshape(arange(6), [2, -1]).shape, [2, 3]);
 * ```
 *
 * @param x The tensor.
 * @param shape The new shape.
 * @returns The reshaped tensor.
 * @throws {TypeError} If `shape` is not an array of numbers.
 * @throws {RangeError} Naming both sizes, when the sizes differ; also for more than one `-1` or
 * a dimension below `-1`.
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  // #region solution tensor.4
  const t = checkTensor(x, "reshape");
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== "number")) {
    throw new TypeError(`Cannot reshape to ${String(shape)}: expected numbers`);
  }
  const what = `Cannot reshape a tensor of shape ${formatShape(t.shape)} (size ${t.size})`;
  if (shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new RangeError(`${what} into ${formatShape(shape)}: dimensions must be integers ≥ -1`);
  }
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new RangeError(`${what} into ${formatShape(shape)}: only one -1 allowed`);
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  if (unknown === 1 && (known === 0 || t.size % known !== 0)) {
    throw new RangeError(
      `${what} into ${
        formatShape(shape)
      }: the -1 cannot be inferred, ${t.size} is not a multiple of ${known}`,
    );
  }
  const dims = shape.map((d) => (d === -1 ? t.size / known : d));
  const size = dims.reduce((p, d) => p * d, 1);
  if (size !== t.size) {
    throw new RangeError(`${what} into shape ${formatShape(shape)} (size ${size})`);
  }
  return new Tensor(t.data, dims);
  // #endregion
}

/**
 * The elements as a 1-D tensor of `x.size` elements, sharing `data` with `x`.
 *
 * @param x The tensor.
 * @returns The flat tensor.
 */
export function flatten(x: Tensor): Tensor {
  // #region solution tensor.4
  const t = checkTensor(x, "flatten");
  return new Tensor(t.data, [t.size]);
  // #endregion
}

/**
 * A contiguous copy of `x` with axes `dim0` and `dim1` swapped (negative axes count from the
 * end); with no axes, the last two are swapped, and a tensor with fewer than 2 axes is copied
 * unchanged. `out[..., j, ..., i, ...] = x[..., i, ..., j, ...]`.
 *
 * Hints: the result's shape swaps two entries; walk the output in row-major order with an index
 * counter, and read `x` at the offset given by `x`'s strides with the two axes exchanged.
 *
 * @example Usage
 * ```ts
 * import { tensor, transpose } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray(), [[1, 4], [2, 5], [3, 6]]);
 * ```
 *
 * @param x The tensor.
 * @param dim0 One axis.
 * @param dim1 The other axis.
 * @returns The transposed copy.
 * @throws {RangeError} For an axis out of range.
 * @throws {TypeError} If only one axis is given.
 */
export function transpose(x: Tensor, dim0?: number, dim1?: number): Tensor {
  // #region solution tensor.4
  const t = checkTensor(x, "transpose");
  if ((dim0 === undefined) !== (dim1 === undefined)) {
    throw new TypeError("Cannot transpose: give both axes or none");
  }
  if (dim0 === undefined && t.ndim < 2) return t.clone();
  const d0 = normalizeAxis(dim0 ?? -2, t.ndim, "transpose");
  const d1 = normalizeAxis(dim1 ?? -1, t.ndim, "transpose");
  const shape = [...t.shape];
  [shape[d0], shape[d1]] = [shape[d1], shape[d0]];
  const steps = stridesOf(t.shape);
  [steps[d0], steps[d1]] = [steps[d1], steps[d0]];
  const out = allocate(t.dtype, t.size);
  const index = new Array<number>(shape.length).fill(0);
  let from = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = t.data[from];
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]++;
      from += steps[d];
      if (index[d] < shape[d]) break;
      from -= steps[d] * shape[d];
      index[d] = 0;
    }
  }
  return new Tensor(out, shape);
  // #endregion
}
