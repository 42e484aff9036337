/**
 * Private shape helpers of the layers: messages and sizes. Not part of the public API.
 *
 * @module
 */
import { formatShape, sizeOf } from "@tinytorch/tensor";

export { formatShape, sizeOf };

/**
 * Checks that a shape argument is an array of non-negative integers.
 *
 * @param layer The layer's text, e.g. `Linear(784, 128)`, for the message.
 * @param shape The argument.
 * @returns A copy of the shape.
 * @throws {TypeError} If it is not an array of numbers.
 * @throws {RangeError} If a dimension is negative or not an integer.
 */
export function checkInShape(layer: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== "number")) {
    throw new TypeError(
      `Cannot apply ${layer} to shape ${String(shape)}: expected an array of numbers`,
    );
  }
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError(
      `Cannot apply ${layer} to shape ${
        formatShape(shape)
      }: dimensions must be non-negative integers`,
    );
  }
  return [...shape];
}

/**
 * Resolves a possibly negative axis against a number of dimensions.
 *
 * @param layer The layer's text, for the message.
 * @param axis The axis; `-1` is the last.
 * @param shape The input shape.
 * @returns The axis in `[0, shape.length)`.
 * @throws {RangeError} If the axis does not exist.
 */
export function resolveAxis(layer: string, axis: number, shape: readonly number[]): number {
  const n = shape.length;
  if (!Number.isInteger(axis) || axis < -n || axis >= n) {
    throw new RangeError(
      `Cannot apply ${layer} to a tensor of shape ${formatShape(shape)}: axis ${axis} is out of ${
        n === 0 ? "range for a 0-d tensor" : `range [${-n}, ${n - 1}]`
      }`,
    );
  }
  return axis < 0 ? axis + n : axis;
}
