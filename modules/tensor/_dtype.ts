/**
 * Private dtype helpers shared by the tensor ops: typed array constructors, integer ranges and
 * argument checks. Not part of the public API.
 *
 * @module
 */
import { type DType, type DTypeMap, DTYPES } from "./dtype.ts";

/** The typed array constructor of each dtype. */
export const ARRAY_TYPES: {
  readonly [D in DType]: { new (length: number): DTypeMap[D]; readonly BYTES_PER_ELEMENT: number };
} = { float32: Float32Array, int32: Int32Array, int8: Int8Array };

/** The inclusive range of each integer dtype. */
export const INT_RANGES: { readonly [D in Exclude<DType, "float32">]: readonly [number, number] } =
  {
    int32: [-2147483648, 2147483647],
    int8: [-128, 127],
  };

/**
 * Whether a value is one of the dtype names.
 *
 * @param value Anything.
 * @returns `true` for `"float32"`, `"int32"` and `"int8"`.
 */
export function isDType(value: unknown): value is DType {
  return typeof value === "string" && (DTYPES as readonly string[]).includes(value);
}

/**
 * Checks a dtype argument.
 *
 * @param value The argument.
 * @param op What was being done, for the message, e.g. `"create a tensor"`.
 * @returns The dtype.
 * @throws {TypeError} Naming the valid dtypes, when `value` is not one.
 */
export function checkDType(value: unknown, op: string): DType {
  if (isDType(value)) return value;
  throw new TypeError(
    `Cannot ${op} with dtype ${JSON.stringify(value)}: expected one of ${DTYPES.join(", ")}`,
  );
}

/**
 * The dtype of a typed array.
 *
 * @param data A typed array.
 * @returns Its dtype.
 * @throws {TypeError} For arrays that no dtype uses (e.g. `Float64Array`).
 */
export function dtypeOf(data: unknown): DType {
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Int8Array) return "int8";
  const name = (data as { constructor?: { name?: string } })?.constructor?.name ?? typeof data;
  throw new TypeError(
    `Cannot store tensor data in a ${name}: expected a Float32Array, Int32Array or Int8Array`,
  );
}

/**
 * Allocates a zero-filled typed array for a dtype.
 *
 * @param dtype The dtype.
 * @param length The number of elements.
 * @returns The new array.
 */
export function allocate<D extends DType>(dtype: D, length: number): DTypeMap[D] {
  return new ARRAY_TYPES[dtype](length) as DTypeMap[D];
}

/**
 * Whether a dtype holds integers.
 *
 * @param dtype The dtype.
 * @returns `true` for `int32` and `int8`.
 */
export function isIntDType(dtype: DType): dtype is "int32" | "int8" {
  return dtype !== "float32";
}

/**
 * Checks that a number can be stored exactly in an integer dtype (used when creating tensors from
 * values; conversions that truncate are `Tensor.astype`'s job).
 *
 * @param value The number.
 * @param dtype The target dtype.
 * @param op What was being done, for the message.
 * @throws {RangeError} If `value` is not an integer or is outside the dtype's range.
 */
export function checkStorable(value: number, dtype: DType, op: string): void {
  if (!isIntDType(dtype)) return;
  const [lo, hi] = INT_RANGES[dtype];
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new RangeError(
      `Cannot ${op}: ${value} is not an integer in the ${dtype} range [${lo}, ${hi}]`,
    );
  }
}
