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
 * Chooses the scale and zero point for values in `[min, max]` (float32 scales).
 *
 * - Asymmetric: widen the range to include 0 (`min' = min(min, 0)`, `max' = max(max, 0)`), then
 *   `scale = (max' − min') / (2^bits − 1)` and
 *   `zeroPoint = clamp(qmin − roundHalfToEven(min' / scale), qmin, qmax)`. Widening keeps the zero
 *   point inside the integer range, so all-positive and all-negative data lose nothing at the ends.
 * - Symmetric: `zeroPoint = 0`, `scale = max(|min|, |max|) / (2^(bits−1) − 1)`.
 * - Special cases, so that they round-trip exactly: a range that is all zero gets `scale = 1`; a
 *   constant range `min = max = c ≠ 0` gets `scale = |c|` and `zeroPoint = 0` (then `c` is `±1`).
 *
 * Hints: compute the scale, round it to float32 with `Math.fround` (it is stored in a
 * Float32Array, and quantizing with the stored value keeps dequantization consistent), then the
 * zero point with {@linkcode roundHalfToEven} and `integerRange` (given, in this file).
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
  if (min === max) return { scale: min === 0 ? 1 : Math.abs(min), zeroPoint: 0 };
  if (scheme === "symmetric") {
    return { scale: Math.fround(Math.max(Math.abs(min), Math.abs(max)) / qmax), zeroPoint: 0 };
  }
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = Math.fround((hi - lo) / (qmax - qmin));
  const zeroPoint = Math.min(qmax, Math.max(qmin, qmin - roundHalfToEven(lo / scale)));
  return { scale, zeroPoint };
  // #endregion
}
