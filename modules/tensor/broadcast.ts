/**
 * NumPy broadcasting: how two shapes combine, and the loop that applies a binary function over
 * broadcast operands.
 *
 * @module
 */
import { allocate } from "./_dtype.ts";
import type { DType } from "./dtype.ts";
import { formatShape, sizeOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/**
 * The shape two operands broadcast to, by NumPy's rules: align the shapes at their LAST axis
 * (pad the shorter one with 1s on the left); each pair of sizes must be equal or contain a 1, and
 * the result takes the larger. `[2,3]` and `[3]` give `[2,3]`; `[4,1]` and `[1,5]` give `[4,5]`.
 *
 * Hints: walk from the last axis backwards; a missing axis counts as size 1.
 *
 * @example Usage
 * ```ts
 * import { broadcastShapes } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(broadcastShapes([4, 1], [3, 1, 5]), [3, 4, 5]);
 * ```
 *
 * @param a The first shape.
 * @param b The second shape.
 * @returns The broadcast shape.
 * @throws {RangeError} `Cannot broadcast shapes [2,3] and [4]: ...` when a pair of sizes differs
 * and neither is 1.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  // #region solution tensor.1
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 1; i <= ndim; i++) {
    const da = i <= a.length ? a[a.length - i] : 1;
    const db = i <= b.length ? b[b.length - i] : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `Cannot broadcast shapes ${formatShape(a)} and ${
          formatShape(b)
        }: sizes ${da} and ${db} differ and neither is 1`,
      );
    }
    out[ndim - i] = da === 1 ? db : da;
  }
  return out;
  // #endregion
}

/**
 * Applies `f` to every pair of elements of two broadcast operands, writing a new tensor of
 * `dtype`. Element `index` of the result reads `a` at `index` with the axes where `a` has size 1
 * (or is missing) pinned to 0; likewise `b`.
 *
 * Hints: give each operand "broadcast strides" (its row-major stride, or 0 on an axis it is
 * broadcast along, aligned at the last axis); then walk the output in row-major order with an
 * index counter (like an odometer), moving each operand's offset by its strides. A fast path for
 * equal shapes is worth it. Values are stored into the output typed array, which converts them
 * (an Int32Array wraps out-of-range integers, as NumPy does).
 *
 * @param a The first operand.
 * @param b The second operand.
 * @param dtype The result dtype.
 * @param f The function, e.g. `(x, y) => x + y`.
 * @returns The result, of the broadcast shape.
 * @throws {RangeError} If the shapes do not broadcast.
 */
export function binaryOp(
  a: Tensor,
  b: Tensor,
  dtype: DType,
  f: (x: number, y: number) => number,
): Tensor {
  // #region solution tensor.1
  const shape = broadcastShapes(a.shape, b.shape);
  const out = allocate(dtype, sizeOf(shape));
  const x = a.data;
  const y = b.data;
  if (x.length === out.length && y.length === out.length) {
    for (let i = 0; i < out.length; i++) out[i] = f(x[i], y[i]);
    return new Tensor(out, shape);
  }
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const index = new Array<number>(shape.length).fill(0);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = f(x[ia], y[ib]);
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]++;
      ia += sa[d];
      ib += sb[d];
      if (index[d] < shape[d]) break;
      ia -= sa[d] * shape[d];
      ib -= sb[d] * shape[d];
      index[d] = 0;
    }
  }
  return new Tensor(out, shape);
  // #endregion
}

function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let step = 1;
  for (let i = 1; i <= shape.length; i++) {
    const d = shape[shape.length - i];
    if (d !== 1) strides[target.length - i] = step;
    step *= d;
  }
  return strides;
}
