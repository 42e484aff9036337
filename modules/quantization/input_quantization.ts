import type { ObservedRange } from "./min_max_observer.ts";
import { quantizationParams } from "./quantization_params.ts";

/** How a layer's float inputs become integers before the int8 matmul. */
export interface InputQuantization {
  /** The float step of one integer. */
  readonly scale: number;
  /** The integer of real 0 (0 for the unsigned scheme). */
  readonly zeroPoint: number;
  /** The smallest integer: 0 (unsigned) or -128. */
  readonly qmin: number;
  /** The largest integer: 127. */
  readonly qmax: number;
}

/**
 * Chooses the input scheme from a calibrated range.
 *
 * - `min ≥ 0` (pixels, outputs of ReLU): 7-bit unsigned values in `[0, 127]` with zero point 0 and
 *   `scale = fround(fround(max) / 127)` (float32, as ONNX stores it). Non-negative inputs lose nothing to a zero point, and 7-bit operands make
 *   the relaxed-SIMD dot product exact.
 * - otherwise asymmetric int8 (`quantizationParams(min, max)`); the matmul then needs the
 *   zero-point correction `− zeroPoint · Σ_k w[n, k]`.
 *
 * @param range The calibrated input range.
 * @returns The scale, zero point and integer range.
 * @throws {RangeError} For a non-finite or inverted range.
 */
export function inputQuantization(range: ObservedRange): InputQuantization {
  const { min, max } = range;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(
      `Cannot quantize inputs in the range [${min}, ${max}]: expected finite min ≤ max`,
    );
  }
  if (min === 0 && max === 0) return { scale: 1, zeroPoint: 0, qmin: 0, qmax: 0 }; // only zeros seen
  if (min >= 0) {
    return { scale: Math.fround(Math.fround(max) / 127), zeroPoint: 0, qmin: 0, qmax: 127 };
  }
  const { scale, zeroPoint } = quantizationParams(min, max);
  return { scale, zeroPoint, qmin: -128, qmax: 127 };
}
