import type { InputQuantization } from "./input_quantization.ts";
import type { KernelName } from "./kernels/mod.ts";
import { QuantizedTensor } from "./quantized_tensor.ts";

/** The integer parts of a calibrated `QuantizedLinear` (see `QuantizedLinear.fromQuantized`). */
export interface QuantizedParts {
  /** Int8 weights `[outFeatures, inFeatures]`, zero points 0, per tensor or per output row. */
  readonly weight: QuantizedTensor;
  /** The bias as int32 at scale `input.scale · weight.scale` (per row), or null. */
  readonly bias?: Int32Array | null;
  /** How inputs are quantized: `qmin` 0 (unsigned, 7-bit `[0, 127]`) or -128 (signed). */
  readonly input: InputQuantization;
  /** The int8 kernel; default the best this engine validates that fits the input scheme. */
  readonly kernel?: KernelName;
  /** Rows per kernel call; default 64. */
  readonly maxBatch?: number;
}

/**
 * Checks the parts of a calibrated layer.
 *
 * @param parts The parts.
 * @returns The same parts, with the bias `null` when absent and the input copied.
 * @throws {TypeError} If `weight` is not a QuantizedTensor or `bias` not an Int32Array.
 * @throws {RangeError} For a weight that is not 2-D or not per tensor / per output row, a
 * non-zero weight zero point, a bias of the wrong length, or an input quantization that is not
 * a positive finite scale with an integer zero point inside `[-128, 127]` or `[0, 127]`.
 */
export function checkParts(
  parts: QuantizedParts,
): QuantizedParts & { bias: Int32Array | null; input: InputQuantization } {
  const { weight, input } = parts;
  if (!(weight instanceof QuantizedTensor)) {
    throw new TypeError(
      `Cannot build a QuantizedLinear from ${String(weight)}: expected a QuantizedTensor weight`,
    );
  }
  if (weight.shape.length !== 2 || (weight.axis !== null && weight.axis !== 0)) {
    throw new RangeError(
      `Cannot build a QuantizedLinear from a weight of shape [${weight.shape}] with axis ${weight.axis}: expected [outFeatures, inFeatures], per tensor or per output row (axis 0)`,
    );
  }
  const z = weight.zeroPoint.findIndex((v) => v !== 0);
  if (z >= 0) {
    throw new RangeError(
      `Cannot build a QuantizedLinear from weights with zero point ${
        weight.zeroPoint[z]
      } (row ${z}): the integer kernels take symmetric weights (zero points 0)`,
    );
  }
  const bias = parts.bias ?? null;
  if (bias !== null && !(bias instanceof Int32Array)) {
    throw new TypeError(
      `Cannot use ${String(bias)} as the int32 bias: expected an Int32Array or null`,
    );
  }
  if (bias && bias.length !== weight.shape[0]) {
    throw new RangeError(
      `Cannot use an int32 bias of ${bias.length} values for ${weight.shape[0]} outputs`,
    );
  }
  const { scale, zeroPoint, qmin, qmax } = input ?? {};
  const range = (qmin === 0 || qmin === -128) && Number.isInteger(qmax) && qmax >= qmin &&
    qmax <= 127;
  if (
    !(Number.isFinite(scale) && scale > 0) || !range ||
    !Number.isInteger(zeroPoint) || zeroPoint < qmin || zeroPoint > qmax
  ) {
    throw new RangeError(
      `Cannot quantize inputs with ${
        JSON.stringify(input)
      }: expected a positive finite scale, qmin -128 or 0, qmax at most 127, and an integer zero point between them`,
    );
  }
  return { ...parts, bias, input: { scale, zeroPoint, qmin, qmax } };
}
