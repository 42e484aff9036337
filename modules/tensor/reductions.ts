/**
 * Reductions over axes: `sum`, `mean`, `max`, `min`, `argmax`.
 *
 * @module
 */
import { checkTensor } from "./_check_tensor.ts";
import { allocate } from "./_dtype.ts";
import type { DType } from "./dtype.ts";
import { normalizeAxes } from "./_shape.ts";
import { formatShape, sizeOf, stridesOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options of the reductions. */
export interface ReduceOptions {
  /** The axis or axes to reduce (negative counts from the end); default all (a 0-d result). */
  axis?: number | readonly number[];
  /** Keep each reduced axis with size 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** What {@linkcode reduceAxes} returns. */
export interface Reduction {
  /** One accumulator per output element, row-major. */
  acc: Float64Array;
  /** The output shape. */
  shape: number[];
  /** How many input elements fold into each output element. */
  count: number;
}

/**
 * Walks `x` once and folds every element into the accumulator of its output element.
 *
 * The output shape drops the reduced axes (or keeps them as size 1 with `keepdims`). Input
 * element `index` belongs to the output element whose index is `index` with the reduced axes
 * removed: give the output "strides" that are 0 on the reduced axes, and move an output offset
 * along with the input offset as an index counter walks `x` in row-major order. `update` also
 * gets `pos`, the element's row-major position among the reduced axes (for `argmax`).
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @param op The operation's name, for messages, e.g. `"sum"`.
 * @param init The accumulators' starting value.
 * @param update Folds value `v` at reduced position `pos` into `acc[o]`.
 * @returns The accumulators, output shape and count.
 * @throws {RangeError} For an axis out of range or repeated.
 */
export function reduceAxes(
  x: Tensor,
  options: ReduceOptions,
  op: string,
  init: number,
  update: (acc: Float64Array, o: number, v: number, pos: number) => void,
): Reduction {
  // #region solution tensor.5
  const axes = normalizeAxes(options.axis, x.ndim, `take the ${op}`);
  const reduced = x.shape.map((_, d) => axes.includes(d));
  const kept = x.shape.map((n, d) => (reduced[d] ? 1 : n));
  const shape = options.keepdims ? kept : x.shape.filter((_, d) => !reduced[d]);
  const keptStrides = stridesOf(kept);
  const outStep = x.shape.map((_, d) => (reduced[d] ? 0 : keptStrides[d]));
  const subShape = x.shape.map((n, d) => (reduced[d] ? n : 1));
  const subStrides = stridesOf(subShape);
  const posStep = x.shape.map((_, d) => (reduced[d] ? subStrides[d] : 0));
  const acc = new Float64Array(sizeOf(shape)).fill(init);
  const index = new Array<number>(x.ndim).fill(0);
  let o = 0;
  let pos = 0;
  for (let i = 0; i < x.size; i++) {
    update(acc, o, x.data[i], pos);
    for (let d = x.ndim - 1; d >= 0; d--) {
      index[d]++;
      o += outStep[d];
      pos += posStep[d];
      if (index[d] < x.shape[d]) break;
      o -= outStep[d] * x.shape[d];
      pos -= posStep[d] * x.shape[d];
      index[d] = 0;
    }
  }
  return { acc, shape, count: sizeOf(subShape) };
  // #endregion
}

function toTensor(values: ArrayLike<number>, shape: number[], dtype: DType): Tensor {
  const data = allocate(dtype, values.length);
  data.set(values);
  return new Tensor(data, shape);
}

function checkNotEmpty(r: Reduction, x: Tensor, op: string): void {
  if (r.count === 0 && r.acc.length > 0) {
    throw new RangeError(
      `Cannot take the ${op} of a tensor of shape ${
        formatShape(x.shape)
      }: the reduced axes are empty`,
    );
  }
}

/**
 * The sum over `axis` (default: every axis, giving a 0-d tensor). Sums accumulate in float64;
 * float32 tensors give float32, integer tensors int32 (wrapping like NumPy's int32).
 *
 * @example Usage
 * ```ts
 * import { sum, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * assert.equal(sum(x).toArray(), 21);
 * assert.deepEqual(sum(x, { axis: 0 }).toArray(), [5, 7, 9]);
 * assert.deepEqual(sum(x, { axis: -1, keepdims: true }).shape, [2, 1]);
 * ```
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @returns The sums.
 * @throws {RangeError} For an axis out of range or repeated.
 */
export function sum(x: Tensor, options: ReduceOptions = {}): Tensor {
  // #region solution tensor.5
  const t = checkTensor(x, "sum");
  const r = reduceAxes(t, options, "sum", 0, (acc, o, v) => {
    acc[o] += v;
  });
  return toTensor(r.acc, r.shape, t.dtype === "float32" ? "float32" : "int32");
  // #endregion
}

/**
 * The mean over `axis` (default all): the sum divided by the number of reduced elements, always
 * float32. The mean of nothing is `NaN`.
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @returns The means.
 * @throws {RangeError} For an axis out of range or repeated.
 */
export function mean(x: Tensor, options: ReduceOptions = {}): Tensor {
  // #region solution tensor.5
  const t = checkTensor(x, "mean");
  const r = reduceAxes(t, options, "mean", 0, (acc, o, v) => {
    acc[o] += v;
  });
  return toTensor(r.acc.map((s) => s / r.count), r.shape, "float32");
  // #endregion
}

/**
 * The largest element over `axis` (default all), of the input's dtype. NaN wins, as in NumPy.
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @returns The maxima.
 * @throws {RangeError} For an axis out of range or repeated, or when the reduced axes are empty.
 */
export function max(x: Tensor, options: ReduceOptions = {}): Tensor {
  // #region solution tensor.5
  const t = checkTensor(x, "max");
  const r = reduceAxes(t, options, "max", -Infinity, (acc, o, v) => {
    if (v > acc[o] || v !== v) acc[o] = v;
  });
  checkNotEmpty(r, t, "max");
  return toTensor(r.acc, r.shape, t.dtype);
  // #endregion
}

/**
 * The smallest element over `axis` (default all), of the input's dtype. NaN wins, as in NumPy.
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @returns The minima.
 * @throws {RangeError} For an axis out of range or repeated, or when the reduced axes are empty.
 */
export function min(x: Tensor, options: ReduceOptions = {}): Tensor {
  // #region solution tensor.5
  const t = checkTensor(x, "min");
  const r = reduceAxes(t, options, "min", Infinity, (acc, o, v) => {
    if (v < acc[o] || v !== v) acc[o] = v;
  });
  checkNotEmpty(r, t, "min");
  return toTensor(r.acc, r.shape, t.dtype);
  // #endregion
}

/**
 * The position of the largest element over `axis`, as int32; ties and NaN give the first
 * occurrence (NumPy). Without `axis` it is the flat row-major index; over several axes, the
 * row-major position within those axes. `argmax(logits, { axis: -1 })` gives class predictions.
 *
 * @example Usage
 * ```ts
 * import { argmax, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(argmax(tensor([[1, 9, 3], [7, 2, 7]]), { axis: 1 }).toArray(), [1, 0]);
 * ```
 *
 * @param x The tensor.
 * @param options `axis` and `keepdims`.
 * @returns The indices.
 * @throws {RangeError} For an axis out of range or repeated, or when the reduced axes are empty.
 */
export function argmax(x: Tensor, options: ReduceOptions = {}): Tensor {
  // #region solution tensor.5
  const t = checkTensor(x, "argmax");
  const best: number[] = []; // best[o] is set when pos is 0, the first element of each group
  const r = reduceAxes(t, options, "argmax", 0, (acc, o, v, pos) => {
    if (pos === 0 || v > best[o] || (v !== v && best[o] === best[o])) {
      best[o] = v;
      acc[o] = pos;
    }
  });
  checkNotEmpty(r, t, "argmax");
  return toTensor(r.acc, r.shape, "int32");
  // #endregion
}
