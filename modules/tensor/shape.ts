/**
 * Shape arithmetic: sizes, row-major strides and shapes in messages.
 *
 * @module
 */

/**
 * Formats a shape for messages: `[2,3]`, `[]` for a scalar.
 *
 * @param shape The shape.
 * @returns The text.
 */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/**
 * The number of elements of a shape: the product of its dimensions (`1` for `[]`).
 *
 * @param shape The shape.
 * @returns The product.
 */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * Row-major (C order) strides in elements: the last axis has stride 1 and each earlier axis
 * steps over everything after it. For shape `[2,3,4]` they are `[12,4,1]`, so element
 * `[i,j,k]` lives at `i*12 + j*4 + k`.
 *
 * @example Usage
 * ```ts
 * import { stridesOf } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(stridesOf([2, 3, 4]), [12, 4, 1]);
 * ```
 *
 * @param shape The shape.
 * @returns One stride per axis.
 */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d];
  }
  return strides;
}
