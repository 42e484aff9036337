/**
 * Element-wise arithmetic with broadcasting: `add`, `sub`, `mul`, `div`, `maximum`.
 *
 * Dtype rules: any float32 operand gives float32; integer operands give int32 (int8 + int8 is
 * int32, since the sum may not fit int8); `div` always gives float32. A number operand counts as
 * int32 when it is an integer in the int32 range, else as float32.
 *
 * @module
 */
import { INT_RANGES } from "./_dtype.ts";
import { type DType, promoteTypes } from "./dtype.ts";
import { binaryOp } from "./broadcast.ts";
import { Tensor } from "./tensor.ts";

function scalar(value: number): Tensor {
  const [lo, hi] = INT_RANGES.int32;
  const isInt = Number.isInteger(value) && value >= lo && value <= hi;
  return isInt ? new Tensor(Int32Array.of(value), []) : new Tensor(Float32Array.of(value), []);
}

/**
 * Checks the operands of a binary op and turns a number into a 0-d tensor (int32 if it is an
 * integer in range, else float32).
 *
 * @param a The tensor.
 * @param b A tensor or a number.
 * @param op The op's name, for the message.
 * @returns Both operands as tensors.
 * @throws {TypeError} If `a` is not a tensor or `b` is neither a tensor nor a number.
 */
function operands(a: Tensor, b: Tensor | number, op: string): [Tensor, Tensor] {
  if (!(a instanceof Tensor)) throw new TypeError(`Cannot ${op} ${String(a)}: expected a Tensor`);
  if (b instanceof Tensor) return [a, b];
  if (typeof b === "number") return [a, scalar(b)];
  throw new TypeError(`Cannot ${op} ${String(b)}: expected a Tensor or a number`);
}

/**
 * The result dtype of `a op b` for `add`, `sub`, `mul` and `maximum`.
 *
 * @param a The first operand.
 * @param b The second operand.
 * @returns `float32` if either is float32, else `int32`.
 */
function resultDtype(a: Tensor, b: Tensor): DType {
  return promoteTypes(a.dtype, b.dtype);
}

/**
 * `a + b` element-wise, with broadcasting.
 *
 * Hints: `operands`, `resultDtype`, then `binaryOp`.
 *
 * @example Usage
 * ```ts
 * import { add, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const y = add(tensor([[1, 2], [3, 4]]), tensor([10, 20])); // [10, 20] is added to each row
 * assert.deepEqual(y.toArray(), [[11, 22], [13, 24]]);
 * ```
 *
 * @param a A tensor.
 * @param b A tensor or a number.
 * @returns The sum.
 * @throws {RangeError} If the shapes do not broadcast.
 * @throws {TypeError} For operands that are not tensors or numbers.
 */
export function add(a: Tensor, b: Tensor | number): Tensor {
  // #region solution tensor.1
  const [x, y] = operands(a, b, "add");
  return binaryOp(x, y, resultDtype(x, y), (p, q) => p + q);
  // #endregion
}

/**
 * `a - b` element-wise, with broadcasting.
 *
 * @param a A tensor.
 * @param b A tensor or a number.
 * @returns The difference.
 * @throws {RangeError} If the shapes do not broadcast.
 * @throws {TypeError} For operands that are not tensors or numbers.
 */
export function sub(a: Tensor, b: Tensor | number): Tensor {
  // #region solution tensor.1
  const [x, y] = operands(a, b, "subtract");
  return binaryOp(x, y, resultDtype(x, y), (p, q) => p - q);
  // #endregion
}

/**
 * `a * b` element-wise, with broadcasting. Integer products wrap modulo 2^32 like NumPy's int32.
 *
 * Hints: for an int32 result use `Math.imul`, which multiplies exactly modulo 2^32 (a plain `*`
 * of two large int32 values loses bits before the Int32Array wraps).
 *
 * @param a A tensor.
 * @param b A tensor or a number.
 * @returns The product.
 * @throws {RangeError} If the shapes do not broadcast.
 * @throws {TypeError} For operands that are not tensors or numbers.
 */
export function mul(a: Tensor, b: Tensor | number): Tensor {
  // #region solution tensor.1
  const [x, y] = operands(a, b, "multiply");
  const dtype = resultDtype(x, y);
  return binaryOp(x, y, dtype, dtype === "float32" ? (p, q) => p * q : Math.imul);
  // #endregion
}

/**
 * `a / b` element-wise, with broadcasting. Always float32 (true division, as NumPy's `/`):
 * `1 / 0` is `Infinity` and `0 / 0` is `NaN`.
 *
 * @param a A tensor.
 * @param b A tensor or a number.
 * @returns The quotient.
 * @throws {RangeError} If the shapes do not broadcast.
 * @throws {TypeError} For operands that are not tensors or numbers.
 */
export function div(a: Tensor, b: Tensor | number): Tensor {
  // #region solution tensor.1
  const [x, y] = operands(a, b, "divide");
  return binaryOp(x, y, "float32", (p, q) => p / q);
  // #endregion
}

/**
 * The larger of `a` and `b` element-wise, with broadcasting (NaN wins, as in NumPy). ReLU is
 * `x.maximum(0)`.
 *
 * @param a A tensor.
 * @param b A tensor or a number.
 * @returns The maxima.
 * @throws {RangeError} If the shapes do not broadcast.
 * @throws {TypeError} For operands that are not tensors or numbers.
 */
export function maximum(a: Tensor, b: Tensor | number): Tensor {
  // #region solution tensor.1
  const [x, y] = operands(a, b, "take the maximum of");
  return binaryOp(x, y, resultDtype(x, y), Math.max);
  // #endregion
}
