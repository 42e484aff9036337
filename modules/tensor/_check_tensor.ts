/**
 * Private argument check shared by the tensor ops. Not part of the public API.
 *
 * @module
 */
import { Tensor } from "./tensor.ts";

/**
 * Checks that an argument is a tensor.
 *
 * @param x The argument.
 * @param op What was being done, for the message, e.g. `"negate"`.
 * @returns The tensor.
 * @throws {TypeError} If it is not one.
 */
export function checkTensor(x: unknown, op: string): Tensor {
  if (x instanceof Tensor) return x;
  throw new TypeError(`Cannot ${op} ${String(x)}: expected a Tensor`);
}
