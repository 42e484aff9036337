import { Tensor } from "@tinytorch/tensor";
import { channelLayout, channelMinMax, checkFinite, normalizeChannelAxis } from "./_channels.ts";
import { givenParams } from "./_given_params.ts";
import {
  integerRange,
  type QuantizationParams,
  quantizationParams,
  type QuantizationScheme,
} from "./quantization_params.ts";
import { QuantizedTensor } from "./quantized_tensor.ts";
import { roundHalfToEven } from "./round_half_to_even.ts";

/** How a flat row-major index maps to a channel: `channel = floor(i / inner) % channels`. */
export interface ChannelLayout {
  /** The number of channels (1 for per-tensor). */
  readonly channels: number;
  /** The number of consecutive elements that share a channel. */
  readonly inner: number;
}

/** A calibrated range: numbers for the whole tensor, or one per channel. */
export interface QuantizationRange {
  /** The smallest value to represent (per channel: one per channel). */
  readonly min: number | readonly number[];
  /** The largest value to represent. */
  readonly max: number | readonly number[];
}

/** Options of {@linkcode quantizeInt8}. */
export interface QuantizeOptions {
  /** `"asymmetric"` (default) or `"symmetric"`. */
  scheme?: QuantizationScheme;
  /** Quantize each slice along this axis with its own scale (per channel); default per tensor. */
  axis?: number;
  /** A calibrated range to use instead of the data's min/max; values outside it saturate. */
  range?: QuantizationRange;
  /**
   * Given parameters instead of a range (ONNX `QuantizeLinear`'s `y_scale` and `y_zero_point`):
   * one scale, or one per channel along `axis`, and zero points likewise (default 0).
   */
  scale?: number | readonly number[];
  /** The zero point(s) that go with a given `scale`; default 0. */
  zeroPoint?: number | readonly number[];
  /** The bit width, 2 to 8; default 8. Fewer bits still take one byte per value. */
  bits?: number;
}

/**
 * Checks that parameters are usable in float32: a positive finite scale whose extreme
 * dequantized values do not overflow.
 *
 * @param p The parameters.
 * @param qrange `[qmin, qmax]`.
 * @param range The range they were chosen for, for the message.
 * @throws {RangeError} When the range is too small or too large for float32 quantization.
 */
function checkParams(
  p: QuantizationParams,
  qrange: readonly [number, number],
  range: readonly [number, number],
): void {
  const ends = qrange.map((q) => Math.fround((q - p.zeroPoint) * p.scale));
  if (!(p.scale > 0 && Number.isFinite(p.scale)) || !ends.every(Number.isFinite)) {
    throw new RangeError(
      `Cannot quantize the range [${range}]: its float32 scale ${p.scale} is ${
        p.scale > 0 ? "too large" : "zero"
      } (float32 spans about 1.2e-38 to 3.4e38)`,
    );
  }
}

function perChannel(value: unknown, channels: number, what: string): number[] {
  const values = typeof value === "number" ? new Array(channels).fill(value) : value;
  if (!Array.isArray(values) || values.some((v) => typeof v !== "number")) {
    throw new TypeError(
      `Cannot use ${
        JSON.stringify(value)
      } as the range ${what}: expected a number or one per channel`,
    );
  }
  if (values.length !== channels) {
    throw new RangeError(
      `Cannot use a range with ${values.length} ${what} values for ${channels} channels`,
    );
  }
  return values;
}

function ranges(x: Tensor, layout: ChannelLayout, range?: QuantizationRange) {
  if (!range) return channelMinMax(x, layout);
  return {
    min: perChannel(range.min, layout.channels, "min"),
    max: perChannel(range.max, layout.channels, "max"),
  };
}

function parameters(
  x: Tensor,
  layout: ChannelLayout,
  options: QuantizeOptions,
  qrange: readonly [number, number],
): { scale: Float32Array; zeroPoint: Int32Array } {
  if (options.scale !== undefined || options.zeroPoint !== undefined) {
    if (options.range) {
      throw new RangeError("Cannot quantize with both a range and a given scale: choose one");
    }
    return givenParams(
      { scale: options.scale ?? NaN, zeroPoint: options.zeroPoint },
      layout.channels,
      qrange,
    );
  }
  const { scheme = "asymmetric", bits = 8 } = options;
  const { min, max } = ranges(x, layout, options.range);
  const scale = new Float32Array(layout.channels);
  const zeroPoint = new Int32Array(layout.channels);
  for (let c = 0; c < layout.channels; c++) {
    const p = quantizationParams(min[c], max[c], { scheme, bits });
    checkParams(p, qrange, [min[c], max[c]]);
    scale[c] = p.scale;
    zeroPoint[c] = p.zeroPoint;
  }
  return { scale, zeroPoint };
}

/**
 * Writes `q[i] = clamp(roundHalfToEven(x[i] / scale[c]) + zeroPoint[c], qmin, qmax)` for every
 * element, `c` being the element's channel: `c = floor(i / layout.inner) % layout.channels`.
 * The division is a float32 division, as in ONNX `QuantizeLinear`: `Math.fround(x[i] / scale[c])`.
 * Values outside the represented range saturate at `qmin`/`qmax` (that is the clipping).
 *
 * Hints: one loop over `x`; divide by the scale rather than multiplying by its inverse (that is
 * what ONNX specifies, and `x · (1/scale)` rounds differently).
 *
 * @param x The float values.
 * @param scale One scale per channel.
 * @param zeroPoint One zero point per channel.
 * @param layout How elements map to channels.
 * @param qrange `[qmin, qmax]`.
 * @returns The integers.
 */
export function quantizeValues(
  x: Float32Array,
  scale: Float32Array,
  zeroPoint: Int32Array,
  layout: ChannelLayout,
  qrange: readonly [number, number],
): Int8Array {
  // #region solution quantization.3
  const [qmin, qmax] = qrange;
  const q = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(i / layout.inner) % layout.channels;
    const v = roundHalfToEven(Math.fround(x[i] / scale[c])) + zeroPoint[c];
    q[i] = v < qmin ? qmin : v > qmax ? qmax : v;
  }
  return q;
  // #endregion
}

/**
 * Quantizes a float32 tensor to int8 storage (a real Int8Array: 1 byte per value).
 *
 * Per tensor by default; with `axis`, each slice along it (e.g. each output row of a Linear
 * weight, `axis: 0`) gets its own scale and zero point. The parameters come from the data's
 * min/max, or from a calibrated `range` (see `quantizationParams` for the formulas), or are given
 * (`scale` and `zeroPoint`, as ONNX `QuantizeLinear` takes them). Either way the values are
 * `clamp(roundHalfToEven(fround(x / scale)) + zeroPoint, qmin, qmax)`, bit for bit what ONNX
 * `QuantizeLinear` computes (whose int8 range is the asymmetric `[-128, 127]`).
 *
 * @example Usage
 * ```ts
 * import { dequantizeInt8, quantizeInt8 } from "@tinytorch/quantization";
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const q = quantizeInt8(tensor([1, 2, 3, 4, 5, 6])); // asymmetric: scale 6/255, zero point -128
 * // 3 / scale is 127.4999995 in float64 but 127.5 in float32 (ONNX divides in float32): 128 - 128
 * assert.deepEqual(Array.from(q.values.data), [-86, -43, 0, 42, 84, 127]);
 * const back = dequantizeInt8(q).data; // 0.988, 2, 3.012, 4, 4.988, 6
 * // each within half a step (scale / 2 ≈ 0.0118), plus float32 rounding:
 * assert.ok(back.every((v, i) => Math.abs(v - (i + 1)) <= q.scale[0] / 2 + 1e-6));
 * ```
 *
 * @param x A float32 tensor with at least one element, all finite.
 * @param options Scheme, channel axis, calibrated range or given parameters, and bit width.
 * @returns The quantized tensor.
 * @throws {TypeError} If `x` is not a float32 tensor, or a given scale or zero point is not a
 * number or a list of numbers.
 * @throws {RangeError} For an empty tensor, a NaN or ±Infinity (naming the first), a bad axis,
 * bit width or range, both a range and a scale, or given parameters that do not fit (their
 * count, a scale that is not positive and finite, a zero point outside the integer range).
 */
export function quantizeInt8(x: Tensor, options: QuantizeOptions = {}): QuantizedTensor {
  const { scheme = "asymmetric", bits = 8 } = options;
  if (!(x instanceof Tensor) || x.dtype !== "float32") {
    throw new TypeError(
      `Cannot quantize ${
        x instanceof Tensor ? `a ${x.dtype} tensor` : String(x)
      }: expected a float32 tensor`,
    );
  }
  if (x.size === 0) throw new RangeError(`Cannot quantize an empty tensor of shape [${x.shape}]`);
  checkFinite(x, "quantize a tensor");
  const qrange = integerRange(bits, scheme);
  const axis = normalizeChannelAxis(options.axis, x.shape);
  const layout = channelLayout(x.shape, axis);
  const { scale, zeroPoint } = parameters(x, layout, options, qrange);
  const data = quantizeValues(x.data as Float32Array, scale, zeroPoint, layout, qrange);
  return new QuantizedTensor({
    values: new Tensor(data, x.shape),
    scale,
    zeroPoint,
    axis,
    scheme,
    bits,
  });
}
