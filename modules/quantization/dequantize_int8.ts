import { Tensor } from "@tinytorch/tensor";
import { channelLayout } from "./_channels.ts";
import { QuantizedTensor } from "./quantized_tensor.ts";

/**
 * Maps quantized values back to float32: `x[i] = (q[i] − zeroPoint[c]) · scale[c]`, `c` being the
 * element's channel (`floor(i / inner) % channels`, see `channelLayout`).
 *
 * Every element of a finite tensor comes back within `scale / 2` of the original (plus float32
 * rounding), unless it was clipped by a calibrated range; constants and zeros come back exactly.
 *
 * Hints: the same channel arithmetic as quantizing; allocate a Float32Array of `q.size`.
 *
 * @example Usage
 * ```ts
 * import { dequantizeInt8, quantizeInt8 } from "@tinytorch/quantization";
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * assert.deepEqual(dequantizeInt8(quantizeInt8(tensor([2, 2, 2]))).toArray(), [2, 2, 2]);
 * ```
 *
 * @param q A quantized tensor.
 * @returns A float32 tensor of the same shape.
 * @throws {TypeError} If `q` is not a QuantizedTensor.
 */
export function dequantizeInt8(q: QuantizedTensor): Tensor {
  if (!(q instanceof QuantizedTensor)) {
    throw new TypeError(`Cannot dequantize ${String(q)}: expected a QuantizedTensor`);
  }
  const layout = channelLayout(q.shape, q.axis);
  // #region solution quantization.4
  const values = q.values.data;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / layout.inner) % layout.channels;
    out[i] = (values[i] - q.zeroPoint[c]) * q.scale[c];
  }
  return new Tensor(out, q.shape);
  // #endregion
}
