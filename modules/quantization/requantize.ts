/** Options of {@linkcode requantize}. */
export interface RequantizeOptions {
  /**
   * The float32 multiplier `inputScale · weightScale / outputScale`: one number, or one per
   * output column (per-channel weights). Compute it with {@linkcode requantizeMultiplier}.
   */
  readonly multiplier: number | Float32Array;
  /** The output zero point. */
  readonly zeroPoint: number;
  /** The smallest output integer; default -128. */
  readonly qmin?: number;
  /** The largest output integer; default 127. */
  readonly qmax?: number;
}

/**
 * The multiplier that takes int32 accumulators at scale `inputScale · weightScale` to integers
 * at `outputScale`, in float32 as ONNX Runtime's `QLinearMatMul` computes it:
 * `fround(fround(inputScale · weightScale) / outputScale)`.
 *
 * @example Usage
 * ```ts
 * import { requantizeMultiplier } from "@tinytorch/quantization";
 * import assert from "node:assert/strict";
 * assert.equal(requantizeMultiplier(0.5, 0.25, 0.125), 1);
 * ```
 *
 * @param inputScale The input scale.
 * @param weightScale The weight scale (of one output channel).
 * @param outputScale The output scale.
 * @returns The multiplier.
 * @throws {RangeError} If a scale is not positive and finite, or the multiplier is not.
 */
export function requantizeMultiplier(
  inputScale: number,
  weightScale: number,
  outputScale: number,
): number {
  const m = Math.fround(Math.fround(inputScale * weightScale) / outputScale);
  if (
    ![inputScale, weightScale, outputScale].every((s) => s > 0 && Number.isFinite(s)) ||
    !(m > 0 && Number.isFinite(m))
  ) {
    throw new RangeError(
      `Cannot requantize with scales ${inputScale} · ${weightScale} / ${outputScale}: every scale and their ratio ${m} must be positive and finite in float32`,
    );
  }
  return m;
}

/**
 * Requantizes int32 accumulators (rows of `columns`) to int8 at an output scale and zero point,
 * as ONNX Runtime's `QLinearMatMul` does: each accumulator is converted to float32, multiplied
 * in float32, rounded half to even, offset by the zero point and saturated:
 * `q = clamp(roundHalfToEven(fround(fround(acc) · multiplier)) + zeroPoint, qmin, qmax)`.
 * This is how an integer-only network stays in int8 from one layer to the next.
 *
 * @example Usage
 * ```ts
 * import { requantize } from "@tinytorch/quantization";
 * import assert from "node:assert/strict";
 * // 10 · 0.25 = 2.5 rounds to the even 2; 300 · 0.25 = 75 + 60 saturates at 127.
 * const q = requantize(Int32Array.of(10, -6, 300), { multiplier: 0.25, zeroPoint: 60 });
 * assert.deepEqual([...q], [62, 58, 127]);
 * ```
 *
 * @param acc The accumulators, row-major.
 * @param options The multiplier (one, or one per column), zero point and integer range.
 * @returns The int8 values.
 * @throws {TypeError} If `acc` is not an Int32Array.
 * @throws {RangeError} For a per-column multiplier whose length does not divide the data, a
 * multiplier that is not positive and finite, or a zero point or range outside int8.
 */
export function requantize(acc: Int32Array, options: RequantizeOptions): Int8Array {
  if (!(acc instanceof Int32Array)) {
    throw new TypeError(`Cannot requantize ${String(acc)}: expected an Int32Array of accumulators`);
  }
  const { zeroPoint, qmin = -128, qmax = 127 } = options;
  const m = typeof options.multiplier === "number"
    ? Float32Array.of(options.multiplier)
    : options.multiplier;
  if (!(m instanceof Float32Array) || m.length === 0 || acc.length % m.length !== 0) {
    throw new RangeError(
      `Cannot requantize ${acc.length} accumulators with ${m?.length} multipliers: expected one, or one per column`,
    );
  }
  if (!m.every((v) => v > 0 && Number.isFinite(v))) {
    throw new RangeError(
      `Cannot requantize with multiplier ${
        m.find((v) => !(v > 0 && Number.isFinite(v)))
      }: expected positive and finite`,
    );
  }
  if (
    ![qmin, qmax, zeroPoint].every(Number.isInteger) || qmin < -128 || qmax > 127 ||
    qmin > zeroPoint || zeroPoint > qmax
  ) {
    throw new RangeError(
      `Cannot requantize to [${qmin}, ${qmax}] with zero point ${zeroPoint}: expected integers with -128 ≤ qmin ≤ zeroPoint ≤ qmax ≤ 127`,
    );
  }
  const out = new Int8Array(acc.length);
  const columns = m.length;
  for (let i = 0; i < acc.length; i++) {
    const v = Math.fround(Math.fround(acc[i]) * m[i % columns]);
    const q = halfEven(v) + zeroPoint;
    out[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
  return out;
}

// Round half to even for a float32 value (given code: the learner's roundHalfToEven is task
// quantization.1, and given code does not depend on task code).
function halfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
