/** Scales and zero points given by the caller (ONNX's `y_scale` and `y_zero_point`). */
export interface GivenParams {
  /** One scale, or one per channel; each is rounded to float32, as ONNX stores it. */
  readonly scale: number | readonly number[];
  /** One zero point, or one per channel; default 0. */
  readonly zeroPoint?: number | readonly number[];
}

function list(value: unknown, channels: number, what: string): number[] {
  const values = typeof value === "number" ? new Array(channels).fill(value) : value;
  if (!Array.isArray(values) || values.some((v) => typeof v !== "number")) {
    throw new TypeError(
      `Cannot quantize with ${what} ${JSON.stringify(value)}: expected a number or one per channel`,
    );
  }
  if (values.length !== channels) {
    throw new RangeError(
      `Cannot quantize ${channels} channel(s) with ${values.length} ${what} values`,
    );
  }
  return values;
}

/**
 * Checks and converts given parameters: each scale a positive finite float32 value, each zero
 * point an integer inside the integer range.
 *
 * @param given The parameters.
 * @param channels How many channels the tensor has along its axis (1 per tensor).
 * @param qrange `[qmin, qmax]`.
 * @returns Float32 scales and int32 zero points, one per channel.
 * @throws {TypeError} If a scale or zero point is not a number or a list of numbers.
 * @throws {RangeError} For a wrong count, a scale that is not positive and finite in float32,
 * or a zero point that is not an integer in `[qmin, qmax]`.
 */
export function givenParams(
  given: GivenParams,
  channels: number,
  qrange: readonly [number, number],
): { scale: Float32Array; zeroPoint: Int32Array } {
  const scale = Float32Array.from(list(given.scale, channels, "scale"));
  const zeroPoint = list(given.zeroPoint ?? 0, channels, "zeroPoint");
  scale.forEach((s, c) => {
    if (!(s > 0 && Number.isFinite(s))) {
      throw new RangeError(
        `Cannot quantize with scale ${
          list(given.scale, channels, "scale")[c]
        } (channel ${c}): expected a positive finite float32 value`,
      );
    }
  });
  zeroPoint.forEach((z, c) => {
    if (!Number.isInteger(z) || z < qrange[0] || z > qrange[1]) {
      throw new RangeError(
        `Cannot quantize with zeroPoint ${z} (channel ${c}): expected an integer in [${qrange}]`,
      );
    }
  });
  return { scale, zeroPoint: Int32Array.from(zeroPoint) };
}
