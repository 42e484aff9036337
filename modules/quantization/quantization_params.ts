import { roundHalfToEven } from "./round_half_to_even.ts";

/** The two ways to map a float range onto integers. */
export type QuantizationScheme = "asymmetric" | "symmetric";

/** A scale and zero point: `real ≈ (q − zeroPoint) · scale`. */
export interface QuantizationParams {
  /** The float step between neighbouring integers (a float32 value). */
  readonly scale: number;
  /** The integer that represents real 0. */
  readonly zeroPoint: number;
}

/**
 * The integer range of a bit width: `[-2^(bits-1), 2^(bits-1) - 1]`; symmetric quantization
 * leaves out the lowest value so that the range is symmetric around 0.
 *
 * @param bits 2 to 8.
 * @param scheme The scheme.
 * @returns `[qmin, qmax]`, e.g. `[-128, 127]` (asymmetric) or `[-127, 127]` (symmetric) at 8 bits.
 * @throws {TypeError} For an unknown scheme.
 * @throws {RangeError} For a bit width outside 2..8.
 */
export function integerRange(bits: number, scheme: QuantizationScheme): [number, number] {
  if (scheme !== "asymmetric" && scheme !== "symmetric") {
    throw new TypeError(
      `Cannot quantize with scheme ${JSON.stringify(scheme)}: expected "asymmetric" or "symmetric"`,
    );
  }
  if (!Number.isInteger(bits) || bits < 2 || bits > 8) {
    throw new RangeError(`Cannot quantize to ${bits} bits: expected an integer from 2 to 8`);
  }
  const qmax = 2 ** (bits - 1) - 1;
  return [scheme === "symmetric" ? -qmax : -qmax - 1, qmax];
}

/**
 * Chooses the scale and zero point for values in `[min, max]`, in float32 exactly as ONNX
 * Runtime computes them (its `DynamicQuantizeLinear`, and the parameters of `QuantizeLinear`):
 *
 * - Widen the range to include 0, in float32: `lo = fround(min(min, 0))`, `hi = fround(max(max,
 *   0))`. Widening keeps real 0 exact, so all-positive, all-negative and constant data lose
 *   nothing at the ends (a constant `c` gets the range `[0, c]`).
 * - Asymmetric: `scale = fround(fround(hi − lo) / (2^bits − 1))`: the difference is rounded to
 *   float32 first, then the quotient. The zero point is computed on the unsigned range
 *   `[0, 2^bits − 1]`, as ONNX's uint8 is, and shifted by `2^(bits−1)` to our signed range:
 *   `zeroPoint = qmin + roundHalfToEven(clamp(−fround(lo / scale), 0, 2^bits − 1))`.
 * - Symmetric: `zeroPoint = 0`, `scale = fround(max(−lo, hi) / (2^(bits−1) − 1))`.
 * - An all-zero range (`lo = hi = 0`) gets `scale = 1` (so the zero point is `qmin` asymmetric,
 *   0 symmetric): zeros stay exact.
 *
 * Hints: `Math.fround` rounds a number to float32; every step above is one float32 operation,
 * so round after each (a float32 division is `Math.fround(a / b)` of float32 `a` and `b`). Use
 * {@linkcode roundHalfToEven} and {@linkcode integerRange}.
 *
 * @example Usage
 * ```ts
 * import { quantizationParams } from "@tinytorch/quantization";
 * import assert from "node:assert/strict";
 * // [1, 6] widens to [0, 6]: 255 steps of 6/255, and 0 maps to -128.
 * assert.deepEqual(quantizationParams(1, 6), { scale: Math.fround(6 / 255), zeroPoint: -128 });
 * assert.equal(quantizationParams(-1, 2, { scheme: "symmetric" }).zeroPoint, 0);
 * ```
 *
 * @param min The smallest value to represent.
 * @param max The largest value to represent.
 * @param options Scheme (default asymmetric) and bit width (default 8).
 * @returns The scale and zero point.
 * @throws {RangeError} If `min > max` or either is not finite.
 */
export function quantizationParams(
  min: number,
  max: number,
  options: { scheme?: QuantizationScheme; bits?: number } = {},
): QuantizationParams {
  const { scheme = "asymmetric", bits = 8 } = options;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(`Cannot quantize the range [${min}, ${max}]: expected finite min ≤ max`);
  }
  const [qmin, qmax] = integerRange(bits, scheme);
  // #region solution quantization.2
  const lo = Math.fround(Math.min(min, 0));
  const hi = Math.fround(Math.max(max, 0));
  if (scheme === "symmetric") {
    return { scale: hi === lo ? 1 : Math.fround(Math.max(-lo, hi) / qmax), zeroPoint: 0 };
  }
  const steps = qmax - qmin;
  const scale = hi === lo ? 1 : Math.fround(Math.fround(hi - lo) / steps);
  const unsigned = Math.min(steps, Math.max(0, -Math.fround(lo / scale)));
  return { scale, zeroPoint: qmin + roundHalfToEven(unsigned) };
  // #endregion
}
