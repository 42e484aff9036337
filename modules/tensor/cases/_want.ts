/**
 * Expected tensors for cases, built without the code under test: a tensor-like
 * `{ dtype, shape, data }` literal that the comparisons check value by value, dtype included.
 *
 * @module
 */

type Nested = number | readonly Nested[];

const ARRAYS = { float32: Float32Array, int32: Int32Array, int8: Int8Array };

/** A tensor-like expectation. */
export interface Want {
  /** The expected dtype. */
  dtype: keyof typeof ARRAYS;
  /** The expected shape. */
  shape: number[];
  /** The expected values, row-major, stored as the dtype stores them. */
  data: Float32Array | Int32Array | Int8Array;
}

function shapeOf(v: Nested): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length ? shapeOf(v[0]) : [])] : [];
}

/**
 * An expected tensor from nested arrays (a number gives a 0-d tensor).
 *
 * @param dtype The expected dtype.
 * @param values Nested, rectangular arrays of numbers.
 * @param shape The shape, when `values` is flat.
 * @returns The expectation.
 */
export function want(dtype: Want["dtype"], values: Nested, shape?: number[]): Want {
  const flat: number[] = [];
  const visit = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else flat.push(v as number);
  };
  visit(values);
  return { dtype, shape: shape ?? shapeOf(values), data: ARRAYS[dtype].from(flat) };
}
