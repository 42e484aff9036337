/**
 * Argument checks shared by the int8 linear kernels (internal).
 *
 * @module
 */
import type { KernelName } from "./available_kernels.ts";
import type { Int8InputQuantization } from "./int8_linear_kernel.ts";

/** `x` read as int8, without a copy. */
export function asInt8(x: Int8Array | Uint8Array): Int8Array {
  return x instanceof Int8Array ? x : new Int8Array(x.buffer, x.byteOffset, x.length);
}

/** `x` read as bytes, without a copy. */
export function asBytes(x: Int8Array | Uint8Array): Uint8Array {
  return x instanceof Uint8Array ? x : new Uint8Array(x.buffer, x.byteOffset, x.length);
}

/** The sizes a kernel checks its inputs against. */
interface Sizes {
  readonly inFeatures: number;
}

/** Throws unless `length` is `batch` rows of `inFeatures`. */
export function checkRows(kernel: Sizes, length: number, batch: number): void {
  if (!Number.isInteger(batch) || batch < 0 || length !== batch * kernel.inFeatures) {
    throw new RangeError(
      `Cannot run the int8 linear kernel on ${length} inputs as ${batch} rows: expected ${batch} rows of ${kernel.inFeatures}`,
    );
  }
}

/** Throws unless `x` is a `Float32Array` of `batch` rows of `inFeatures`. */
export function checkFloatRows(kernel: Sizes, x: Float32Array, batch: number): void {
  if (!(x instanceof Float32Array)) {
    throw new TypeError(
      `Cannot quantize the input of the int8 linear kernel: expected a Float32Array, got ${
        Object.prototype.toString.call(x).slice(8, -1)
      }`,
    );
  }
  checkRows(kernel, x.length, batch);
}

const isInt8 = (v: number): boolean => Number.isInteger(v) && v >= -128 && v <= 127;

/** Throws unless `input` is a usable quantization for `kernel`. */
export function checkInputQuantization(kernel: KernelName, input: Int8InputQuantization): void {
  const { scale, zeroPoint, qmin, qmax } = input;
  const op = "Cannot quantize the input of the int8 linear kernel";
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`${op} with scale ${scale}: expected a finite number > 0`);
  }
  if (!isInt8(qmin) || !isInt8(qmax) || qmin > qmax) {
    throw new RangeError(
      `${op} to [${qmin}, ${qmax}]: expected integers with -128 ≤ qmin ≤ qmax ≤ 127`,
    );
  }
  if (!isInt8(zeroPoint)) {
    throw new RangeError(`${op} with zero point ${zeroPoint}: expected an integer in [-128, 127]`);
  }
  if (kernel === "relaxed" && qmin < 0) {
    throw new RangeError(
      `Cannot run the relaxed int8 kernel on inputs quantized to [${qmin}, ${qmax}]: every input must lie in [0, 127] (7-bit), use kernel "dot16" for signed inputs`,
    );
  }
}

/** The error for the first non-finite value of `x` at or after `from` (there must be one). */
export function nonFiniteError(x: Float32Array, from: number): RangeError {
  let i = from;
  while (i < x.length - 1 && Number.isFinite(x[i])) i++;
  return new RangeError(
    `Cannot quantize the input of the int8 linear kernel: element ${i} is ${
      x[i]
    }; every value must be finite`,
  );
}
