/**
 * Rounds to the nearest integer, and halves to the nearest even integer ("banker's rounding"):
 * `0.5 → 0`, `1.5 → 2`, `2.5 → 2`, `-0.5 → -0`, `-1.5 → -2`. This is the rounding of NumPy,
 * PyTorch and ONNX. `Math.round` is different: it sends halves towards +∞ (`Math.round(-1.5)` is
 * `-1`, `Math.round(2.5)` is `3`), which biases quantized values upwards.
 *
 * Hints: start from `Math.floor(x)`; only an exact `.5` needs a decision; `n % 2` tells even from
 * odd (mind negative numbers). Non-finite values come back unchanged.
 *
 * @example Usage
 * ```ts
 * import { roundHalfToEven } from "@tinytorch/quantization";
 * import assert from "node:assert/strict";
 * assert.deepEqual([0.5, 1.5, 2.5, -1.5, 2.6].map(roundHalfToEven), [0, 2, 2, -2, 3]);
 * ```
 *
 * @param x Any number.
 * @returns The nearest integer, ties to even.
 */
export function roundHalfToEven(x: number): number {
  // #region solution quantization.1
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
  // #endregion
}
