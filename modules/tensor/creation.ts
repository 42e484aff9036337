/**
 * Creating tensors: from values, filled with a constant, ranges and random numbers.
 *
 * @module
 */
import { allocate, checkDType, checkStorable, dtypeOf, isDType } from "./_dtype.ts";
import type { DType } from "./dtype.ts";
import { type RandomOptions, resolveRng } from "./rng.ts";
import { checkShape } from "./_shape.ts";
import { formatShape, sizeOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Numbers, or arrays of numbers nested to any depth (rectangular). */
export type NestedNumbers = number | readonly NestedNumbers[];

/** Options of the creation functions. */
export interface CreateOptions {
  /** The element type; default `"float32"` (for typed arrays and tensors: their own dtype). */
  dtype?: DType;
}

/** Options of {@linkcode tensor}. */
export interface TensorOptions extends CreateOptions {
  /** Lay the values out in this shape (row-major); it must hold exactly as many elements. */
  shape?: readonly number[];
}

function inferShape(values: readonly NestedNumbers[]): number[] {
  const shape: number[] = [];
  let v: NestedNumbers | undefined = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

function flattenInto(v: unknown, shape: number[], axis: number, out: number[]): void {
  if (axis === shape.length) {
    if (typeof v === "number") return void out.push(v);
    if (Array.isArray(v)) {
      throw new RangeError(`Cannot create a tensor from ragged nested arrays: too deep at ${axis}`);
    }
    throw new TypeError(`Cannot create a tensor from ${String(v)}: expected numbers`);
  }
  if (!Array.isArray(v) || v.length !== shape[axis]) {
    const got = Array.isArray(v) ? `length ${v.length}` : String(v);
    throw new RangeError(
      `Cannot create a tensor from ragged nested arrays: expected length ${
        shape[axis]
      } at depth ${axis}, got ${got}`,
    );
  }
  for (const x of v) flattenInto(x, shape, axis + 1, out);
}

function readValues(
  values: unknown,
): { flat: ArrayLike<number>; shape: number[]; dtype: DType } {
  if (values instanceof Tensor) {
    return { flat: values.data, shape: [...values.shape], dtype: values.dtype };
  }
  if (typeof values === "number") return { flat: [values], shape: [], dtype: "float32" };
  if (Array.isArray(values)) {
    const shape = inferShape(values);
    const flat: number[] = [];
    flattenInto(values, shape, 0, flat);
    return { flat, shape, dtype: "float32" };
  }
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    const flat = values as unknown as ArrayLike<number>;
    if (typeof flat[0] === "bigint") {
      throw new TypeError("Cannot create a tensor from a BigInt array: expected numbers");
    }
    let dtype: DType = "float32";
    try {
      dtype = dtypeOf(values);
    } catch { /* other typed arrays default to float32 */ }
    return { flat, shape: [flat.length], dtype };
  }
  throw new TypeError(
    `Cannot create a tensor from ${
      String(values)
    }: expected a number, nested arrays or a typed array`,
  );
}

/**
 * Creates a tensor from a number (a 0-d tensor), nested arrays, a typed array or another tensor.
 * The values are always copied. Integer dtypes only accept integers in their range (use
 * `astype` to convert floats).
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(tensor([[1, 2], [3, 4]]).shape, [2, 2]);
 * assert.equal(tensor([1, 2, 3, 4], { shape: [2, 2], dtype: "int8" }).nbytes, 4);
 * assert.deepEqual(tensor(5).shape, []);
 * ```
 *
 * @param values The values.
 * @param options `dtype` and `shape`.
 * @returns The new tensor.
 * @throws {TypeError} For non-numbers or an unknown dtype.
 * @throws {RangeError} For ragged arrays, a shape of another size, or values the dtype cannot hold.
 */
export function tensor(
  values: NestedNumbers | ArrayLike<number> | Tensor,
  options: TensorOptions = {},
): Tensor {
  const read = readValues(values);
  const dtype = checkDType(options.dtype ?? read.dtype, "create a tensor");
  let shape = read.shape;
  if (options.shape !== undefined) {
    shape = checkShape(options.shape, "create a tensor");
    if (sizeOf(shape) !== read.flat.length) {
      throw new RangeError(
        `Cannot create a tensor of shape ${formatShape(shape)} (size ${
          sizeOf(shape)
        }) from ${read.flat.length} values`,
      );
    }
  }
  const data = allocate(dtype, read.flat.length);
  if (dtype !== "float32" && !(isDType(read.dtype) && read.dtype === dtype)) {
    for (let i = 0; i < read.flat.length; i++) {
      checkStorable(read.flat[i], dtype, `create an ${dtype} tensor`);
    }
  }
  data.set(read.flat);
  return new Tensor(data, shape);
}

function shapeArg(shape: number | readonly number[], op: string): number[] {
  return checkShape(typeof shape === "number" ? [shape] : shape, op);
}

/**
 * A tensor filled with one value.
 *
 * @param shape The shape (a number means 1-D).
 * @param value The value.
 * @param options `dtype`.
 * @returns The new tensor.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If the dtype cannot hold `value`.
 */
export function full(
  shape: number | readonly number[],
  value: number,
  options: CreateOptions = {},
): Tensor {
  const dims = shapeArg(shape, "fill a tensor");
  const dtype = checkDType(options.dtype ?? "float32", "fill a tensor");
  if (typeof value !== "number") {
    throw new TypeError(`Cannot fill a tensor with ${String(value)}: expected a number`);
  }
  checkStorable(value, dtype, `fill an ${dtype} tensor`);
  return new Tensor(allocate(dtype, sizeOf(dims)).fill(value), dims);
}

/**
 * A tensor of zeros.
 *
 * @example Usage
 * ```ts
 * import { zeros } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.equal(zeros([2, 3], { dtype: "int8" }).nbytes, 6);
 * ```
 *
 * @param shape The shape (a number means 1-D).
 * @param options `dtype`.
 * @returns The new tensor.
 */
export function zeros(shape: number | readonly number[], options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

/**
 * A tensor of ones.
 *
 * @param shape The shape (a number means 1-D).
 * @param options `dtype`.
 * @returns The new tensor.
 */
export function ones(shape: number | readonly number[], options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

/**
 * Evenly spaced values in `[start, stop)`, as NumPy's `arange`: `arange(5)` is `0..4`,
 * `arange(2, 8, 3)` is `[2, 5]`. The length is `ceil((stop - start) / step)`. Options may follow
 * any number of the numeric arguments.
 *
 * @example Usage
 * ```ts
 * import { arange } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(arange(4).toArray(), [0, 1, 2, 3]);
 * assert.deepEqual(arange(1, 7, 2, { dtype: "int32" }).toArray(), [1, 3, 5]);
 * ```
 *
 * @param start The first value, or `stop` when it is the only number.
 * @param stop One past the last value.
 * @param step The spacing; default 1.
 * @param options `dtype`.
 * @returns The 1-D tensor.
 * @throws {RangeError} For a zero or non-finite step or values the dtype cannot hold.
 */
export function arange(
  start: number,
  stop?: number | CreateOptions,
  step?: number | CreateOptions,
  options?: CreateOptions,
): Tensor {
  const nums = [start, stop, step].filter((v) => typeof v === "number") as number[];
  const opts = [stop, step, options].find((v) => typeof v === "object") ?? {};
  const [lo, hi, by] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  if (by === 0 || ![lo, hi, by].every(Number.isFinite)) {
    throw new RangeError(`Cannot make a range from ${lo} to ${hi} in steps of ${by}`);
  }
  const n = Math.max(0, Math.ceil((hi - lo) / by));
  const values = Array.from({ length: n }, (_, i) => lo + i * by);
  return tensor(values, { dtype: opts.dtype });
}

/** Options of {@linkcode rand}. */
export interface RandOptions extends RandomOptions {
  /** The lower bound; default 0. */
  low?: number;
  /** The upper bound (exclusive); default 1. */
  high?: number;
}

/**
 * A float32 tensor of uniform random numbers in `[low, high)` (default `[0, 1)`).
 *
 * @example Reproducible
 * ```ts
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const a = rand([2, 2], { seed: 7 });
 * assert.deepEqual(a.toArray(), rand([2, 2], { seed: 7 }).toArray());
 * ```
 *
 * @param shape The shape (a number means 1-D).
 * @param options `rng` or `seed` (else the default generator), `low`, `high`.
 * @returns The new tensor.
 */
export function rand(shape: number | readonly number[], options: RandOptions = {}): Tensor {
  const dims = shapeArg(shape, "draw a random tensor");
  const rng = resolveRng(options);
  const { low = 0, high = 1 } = options;
  const data = new Float32Array(sizeOf(dims));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
  return new Tensor(data, dims);
}

/** Options of {@linkcode randn}. */
export interface RandnOptions extends RandomOptions {
  /** The mean; default 0. */
  mean?: number;
  /** The standard deviation; default 1. */
  std?: number;
}

/**
 * A float32 tensor of normal random numbers (default mean 0, standard deviation 1).
 *
 * @param shape The shape (a number means 1-D).
 * @param options `rng` or `seed` (else the default generator), `mean`, `std`.
 * @returns The new tensor.
 */
export function randn(shape: number | readonly number[], options: RandnOptions = {}): Tensor {
  const dims = shapeArg(shape, "draw a random tensor");
  const rng = resolveRng(options);
  const { mean = 0, std = 1 } = options;
  const data = new Float32Array(sizeOf(dims));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal(mean, std);
  return new Tensor(data, dims);
}
