/**
 * Data types: the names, their typed arrays and the promotion rule of arithmetic.
 *
 * @module
 */

/** The element types a tensor can hold. */
export type DType = "float32" | "int32" | "int8";

/** Which typed array stores each dtype. */
export interface DTypeMap {
  /** 32-bit IEEE floats, the default. */
  float32: Float32Array;
  /** 32-bit signed integers. */
  int32: Int32Array;
  /** 8-bit signed integers, the storage type of quantized weights. */
  int8: Int8Array;
}

/** The typed arrays behind tensors. */
export type TypedArray = DTypeMap[DType];

/** Every dtype, in a fixed order. */
export const DTYPES: readonly DType[] = ["float32", "int32", "int8"];

/**
 * The result dtype of an arithmetic op on two operands: any float operand gives `float32`,
 * otherwise `int32` (so `int8` op `int8` is `int32`: the sum of two int8 values may not fit int8).
 *
 * @example Usage
 * ```ts
 * import { promoteTypes } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.equal(promoteTypes("int8", "int8"), "int32");
 * assert.equal(promoteTypes("int32", "float32"), "float32");
 * ```
 *
 * @param a The first operand's dtype.
 * @param b The second operand's dtype.
 * @returns The result dtype.
 */
export function promoteTypes(a: DType, b: DType): DType {
  return a === "float32" || b === "float32" ? "float32" : "int32";
}
