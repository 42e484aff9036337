/**
 * Private shape helpers shared by the tensor ops: argument checks, axis normalisation and index
 * arithmetic. Not part of the public API.
 *
 * @module
 */
import { formatShape } from "./shape.ts";

/**
 * Checks a shape argument: an array of non-negative integers.
 *
 * @param shape The argument.
 * @param op What was being done, for the message.
 * @returns A fresh copy of the shape.
 * @throws {TypeError} If it is not an array of numbers.
 * @throws {RangeError} If a dimension is negative or not an integer.
 */
export function checkShape(shape: unknown, op: string): number[] {
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== "number")) {
    throw new TypeError(`Cannot ${op} with shape ${String(shape)}: expected an array of numbers`);
  }
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError(
      `Cannot ${op} with shape ${formatShape(shape)}: dimensions must be non-negative integers`,
    );
  }
  return [...shape];
}

/**
 * Resolves a possibly negative axis (`-1` is the last) against a number of dimensions.
 *
 * @param axis The axis.
 * @param ndim The number of dimensions.
 * @param op What was being done, for the message.
 * @returns The axis in `[0, ndim)`.
 * @throws {TypeError} If `axis` is not a number.
 * @throws {RangeError} If it is not an integer in `[-ndim, ndim)`.
 */
export function normalizeAxis(axis: unknown, ndim: number, op: string): number {
  if (typeof axis !== "number") {
    throw new TypeError(`Cannot ${op} along axis ${String(axis)}: expected an integer`);
  }
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new RangeError(
      `Cannot ${op} along axis ${axis}: a ${ndim}-d tensor has axes ${-ndim} to ${ndim - 1}`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Resolves an `axis` option of a reduction: `undefined` means every axis.
 *
 * @param axis One axis, a list of axes, or `undefined`.
 * @param ndim The number of dimensions.
 * @param op What was being done, for the message.
 * @returns Sorted, distinct axes in `[0, ndim)`.
 * @throws {RangeError} For an axis out of range or repeated.
 */
export function normalizeAxes(
  axis: number | readonly number[] | undefined,
  ndim: number,
  op: string,
): number[] {
  if (axis === undefined) return Array.from({ length: ndim }, (_, d) => d);
  const list = Array.isArray(axis) ? axis : [axis];
  const axes = list.map((a) => normalizeAxis(a, ndim, op));
  if (new Set(axes).size !== axes.length) {
    throw new RangeError(`Cannot ${op} along axes ${formatShape(list)}: an axis is repeated`);
  }
  return axes.sort((a, b) => a - b);
}

/**
 * The multi-index of a flat row-major offset: the inverse of `sum(index[d] * strides[d])`.
 *
 * @param flat The offset.
 * @param shape The shape.
 * @returns The index, one entry per axis.
 */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}
