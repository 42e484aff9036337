/**
 * Private helpers of the quantizers and observers: channel layouts, per-channel extremes, range
 * clipping and the finiteness check. Not part of the public API.
 *
 * @module
 */
import { Tensor } from "@tinytorch/tensor";
import type { ChannelLayout } from "./quantize_int8.ts";

/**
 * The channel layout of a shape along an axis (or the whole tensor as one channel).
 *
 * @param shape The tensor's shape.
 * @param axis The channel axis, or null.
 * @returns Channels and the run length of each.
 */
export function channelLayout(shape: readonly number[], axis: number | null): ChannelLayout {
  if (axis === null) return { channels: 1, inner: shape.reduce((a, b) => a * b, 1) };
  return { channels: shape[axis], inner: shape.slice(axis + 1).reduce((a, b) => a * b, 1) };
}

/**
 * Checks a channel axis; negative axes count from the end.
 *
 * @param axis The axis, or undefined for per-tensor.
 * @param shape The tensor's shape.
 * @returns The axis in `[0, ndim)`, or null.
 * @throws {RangeError} For an axis outside the tensor.
 */
export function normalizeChannelAxis(
  axis: number | undefined | null,
  shape: readonly number[],
): number | null {
  if (axis === undefined || axis === null) return null;
  const n = shape.length;
  if (!Number.isInteger(axis) || axis < -n || axis >= n) {
    throw new RangeError(`Cannot quantize along axis ${axis} of a tensor of shape [${shape}]`);
  }
  return axis < 0 ? axis + n : axis;
}

/**
 * The minimum and maximum of each channel.
 *
 * @param x The tensor.
 * @param layout Its channel layout.
 * @returns Per-channel minima and maxima.
 */
export function channelMinMax(
  x: Tensor,
  layout: ChannelLayout,
): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array(layout.channels).fill(Infinity);
  const max = new Float64Array(layout.channels).fill(-Infinity);
  const data = x.data;
  for (let i = 0; i < data.length; i++) {
    const c = Math.floor(i / layout.inner) % layout.channels;
    const v = data[i];
    if (v < min[c]) min[c] = v;
    if (v > max[c]) max[c] = v;
  }
  return { min, max };
}

/**
 * Checks that every value is finite.
 *
 * @param x The tensor.
 * @param op What was being done, for the message.
 * @throws {TypeError} If `x` is not a Tensor.
 * @throws {RangeError} Naming the first NaN or ±Infinity and its index.
 */
export function checkFinite(x: Tensor, op: string): void {
  if (!(x instanceof Tensor)) throw new TypeError(`Cannot ${op}: ${String(x)} is not a Tensor`);
  const data = x.data;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(`Cannot ${op}: element ${i} is ${data[i]}; every value must be finite`);
    }
  }
}
