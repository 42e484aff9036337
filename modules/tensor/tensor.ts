/**
 * The `Tensor` class: a typed array plus a shape. Ops are methods that delegate to one function
 * per concept (elementwise.ts, matmul.ts, ...), which is where the course tasks live.
 *
 * @module
 */
import { astype } from "./astype.ts";
import { dtypeOf } from "./_dtype.ts";
import type { DType, TypedArray } from "./dtype.ts";
import { add, div, maximum, mul, sub } from "./elementwise.ts";
import { formatTensor, nest } from "./_format.ts";
import { matmul } from "./matmul.ts";
import { abs, clip, exp, log, neg, sqrt } from "./math.ts";
import { argmax, max, mean, min, type ReduceOptions, sum } from "./reductions.ts";
import { checkShape } from "./_shape.ts";
import { formatShape, sizeOf, stridesOf } from "./shape.ts";
import { flatten, reshape, transpose } from "./shape_ops.ts";

function checkIndex(i: unknown, n: number, what: string): number {
  if (typeof i !== "number") throw new TypeError(`Cannot index ${what} with ${String(i)}`);
  if (!Number.isInteger(i) || i < -n || i >= n) {
    throw new RangeError(`Cannot index ${what} with ${i}: valid indices are ${-n} to ${n - 1}`);
  }
  return i < 0 ? i + n : i;
}

function clampSliceEnd(i: unknown, n: number): number {
  if (typeof i !== "number" || !Number.isInteger(i)) {
    throw new TypeError(`Cannot slice with ${String(i)}: expected an integer`);
  }
  return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
}

/** A number or arbitrarily nested arrays of numbers: what `Tensor.toArray()` returns. */
export type NestedArray = number | NestedArray[];

/**
 * An n-dimensional array: row-major, contiguous `data` (a typed array chosen by `dtype`) and a
 * `shape`. Element `[i, j, k]` of a `[A, B, C]` tensor is `data[i*B*C + j*C + k]`.
 *
 * Create tensors with `tensor`, `zeros`, `ones`, `full`, `arange`, `rand` or `randn`; the
 * constructor takes data you already have.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * assert.deepEqual(x.shape, [2, 3]);
 * assert.equal(x.dtype, "float32");
 * assert.equal(x.nbytes, 24);
 * assert.deepEqual(x.add(1).toArray(), [[2, 3, 4], [5, 6, 7]]);
 * ```
 */
export class Tensor {
  /** The elements in row-major order. Its type follows `dtype`. */
  readonly data: TypedArray;
  /** The size of each axis; `[]` for a scalar (0-d) tensor. Frozen. */
  readonly shape: readonly number[];
  /** The element type, derived from `data`. */
  readonly dtype: DType;

  /**
   * Wraps a typed array (not copied) as a tensor.
   *
   * @param data The elements, row-major; a Float32Array, Int32Array or Int8Array.
   * @param shape The shape; default `[data.length]`.
   * @throws {TypeError} For another kind of array or a malformed shape.
   * @throws {RangeError} If the shape's size differs from `data.length`.
   */
  constructor(data: TypedArray, shape: readonly number[] = [data.length]) {
    this.dtype = dtypeOf(data);
    const dims = checkShape(shape, "create a tensor");
    if (sizeOf(dims) !== data.length) {
      throw new RangeError(
        `Cannot create a tensor of shape ${formatShape(dims)} (size ${
          sizeOf(dims)
        }) from ${data.length} values`,
      );
    }
    this.data = data;
    this.shape = Object.freeze(dims);
  }

  /** The number of elements: the product of the shape. */
  get size(): number {
    return this.data.length;
  }

  /** The number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The bytes the elements take: `data.byteLength` (4 per float32/int32, 1 per int8). */
  get nbytes(): number {
    return this.data.byteLength;
  }

  /** Row-major strides in elements, e.g. `[12, 4, 1]` for shape `[2, 3, 4]`. */
  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /**
   * One element. Negative indices count from the end.
   *
   * @param indices One index per axis (none for a 0-d tensor).
   * @returns The element.
   * @throws {RangeError} For the wrong number of indices or one out of range.
   */
  get(...indices: number[]): number {
    if (indices.length !== this.ndim) {
      throw new RangeError(
        `Cannot index a tensor of shape ${formatShape(this.shape)} with ${indices.length} indices`,
      );
    }
    let offset = 0;
    const strides = this.strides;
    for (let d = 0; d < indices.length; d++) {
      offset += checkIndex(indices[d], this.shape[d], `axis ${d}`) * strides[d];
    }
    return this.data[offset];
  }

  /**
   * Rows `start` to `end` (exclusive) along the first axis, with Python's rules: negative values
   * count from the end and out-of-range values are clamped. The result shares memory with this
   * tensor (a view, as in NumPy): writing to one changes the other.
   *
   * @param start The first row.
   * @param end One past the last row; default the number of rows.
   * @returns The rows.
   * @throws {RangeError} For a 0-d tensor.
   * @throws {TypeError} For bounds that are not integers.
   */
  slice(start: number, end: number = this.shape[0]): Tensor {
    if (this.ndim === 0) throw new RangeError("Cannot slice a 0-d tensor: it has no first axis");
    const rows = this.shape[0];
    const from = clampSliceEnd(start, rows);
    const to = Math.max(from, clampSliceEnd(end, rows));
    const row = rows === 0 ? 0 : this.size / rows;
    return new Tensor(this.data.subarray(from * row, to * row), [
      to - from,
      ...this.shape.slice(1),
    ]);
  }

  /**
   * The elements as nested arrays; a 0-d tensor gives a plain number.
   *
   * @returns Nested arrays of numbers following the shape.
   */
  toArray(): NestedArray {
    return nest(this.data, this.shape);
  }

  /**
   * A copy with its own memory.
   *
   * @returns The copy.
   */
  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /**
   * NumPy-style text, e.g. `tensor([1., 2.], dtype=float32)`.
   *
   * @returns The text.
   */
  toString(): string {
    return formatTensor(this.data, this.shape, this.dtype);
  }

  /** Lets Deno's inspector (REPL, assertion messages) show the tensor as `toString` does. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** `this + other` element-wise, with broadcasting; see {@linkcode add}. */
  add(other: Tensor | number): Tensor {
    return add(this, other);
  }
  /** `this - other` element-wise, with broadcasting; see {@linkcode sub}. */
  sub(other: Tensor | number): Tensor {
    return sub(this, other);
  }
  /** `this * other` element-wise, with broadcasting; see {@linkcode mul}. */
  mul(other: Tensor | number): Tensor {
    return mul(this, other);
  }
  /** `this / other` element-wise, with broadcasting, as float32; see {@linkcode div}. */
  div(other: Tensor | number): Tensor {
    return div(this, other);
  }
  /** The larger of `this` and `other` element-wise; see {@linkcode maximum}. */
  maximum(other: Tensor | number): Tensor {
    return maximum(this, other);
  }
  /** `-x` element-wise; see {@linkcode neg}. */
  neg(): Tensor {
    return neg(this);
  }
  /** `e^x` element-wise, as float32; see {@linkcode exp}. */
  exp(): Tensor {
    return exp(this);
  }
  /** The natural logarithm element-wise, as float32; see {@linkcode log}. */
  log(): Tensor {
    return log(this);
  }
  /** The square root element-wise, as float32; see {@linkcode sqrt}. */
  sqrt(): Tensor {
    return sqrt(this);
  }
  /** `|x|` element-wise; see {@linkcode abs}. */
  abs(): Tensor {
    return abs(this);
  }
  /** Each element limited to `[low, high]`; see {@linkcode clip}. */
  clip(low: number, high: number): Tensor {
    return clip(this, low, high);
  }
  /** A copy converted to `dtype`, range-checked; see {@linkcode astype}. */
  astype(dtype: DType): Tensor {
    return astype(this, dtype);
  }
  /** The matrix product `this @ other`; see {@linkcode matmul}. */
  matmul(other: Tensor): Tensor {
    return matmul(this, other);
  }
  /**
   * The same data with a new shape (a view; one dimension may be `-1`).
   *
   * @param shape The new dimensions, as arguments or as one array.
   * @returns The reshaped tensor.
   */
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    const dims = shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape;
    return reshape(this, dims as readonly number[]);
  }
  /** A contiguous copy with two axes swapped (default the last two); see {@linkcode transpose}. */
  transpose(dim0?: number, dim1?: number): Tensor {
    return transpose(this, dim0, dim1);
  }
  /** The elements as a 1-D tensor sharing `data`; see {@linkcode flatten}. */
  flatten(): Tensor {
    return flatten(this);
  }
  /** The sum over `axis` (default all); see {@linkcode sum}. */
  sum(options?: ReduceOptions): Tensor {
    return sum(this, options);
  }
  /** The mean over `axis` (default all), as float32; see {@linkcode mean}. */
  mean(options?: ReduceOptions): Tensor {
    return mean(this, options);
  }
  /** The largest element over `axis` (default all); see {@linkcode max}. */
  max(options?: ReduceOptions): Tensor {
    return max(this, options);
  }
  /** The smallest element over `axis` (default all); see {@linkcode min}. */
  min(options?: ReduceOptions): Tensor {
    return min(this, options);
  }
  /** The index of the largest element over `axis`, as int32; see {@linkcode argmax}. */
  argmax(options?: ReduceOptions): Tensor {
    return argmax(this, options);
  }
}
