import { Tensor } from "@tinytorch/tensor";
import type { QuantizationScheme } from "./quantization_params.ts";

/** What {@linkcode QuantizedTensor} is built from. */
export interface QuantizedTensorInit {
  /** The integers, an int8 tensor (backed by an Int8Array) of the original shape. */
  readonly values: Tensor;
  /** One float32 scale per tensor, or one per channel along `axis`. */
  readonly scale: Float32Array;
  /** One zero point per scale. */
  readonly zeroPoint: Int32Array;
  /** The channel axis, or `null` for one scale for the whole tensor. */
  readonly axis: number | null;
  /** How the scales were chosen. */
  readonly scheme: QuantizationScheme;
  /** The bit width, 2 to 8 (always stored one value per byte). */
  readonly bits: number;
}

/**
 * An int8 tensor with the scales and zero points that map it back to floats:
 * `real[i] ≈ (values[i] − zeroPoint[c]) · scale[c]`, where `c` is the channel of element `i`
 * along `axis` (always 0 when `axis` is null).
 *
 * It follows the parameter protocol of the profiling module: `size` counts values and `nbytes`
 * counts every stored byte (values, scales and zero points).
 *
 * @example Usage
 * ```ts
 * import { quantizeInt8 } from "@tinytorch/quantization";
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const q = quantizeInt8(tensor([[1, -2], [3, 4]]), { scheme: "symmetric", axis: 0 });
 * assert.equal(q.values.dtype, "int8");
 * assert.equal(q.scale.length, 2); // one per row
 * assert.equal(q.nbytes, 20); // 4 values · 1 + 2 scales · 4 + 2 zero points · 4
 * ```
 */
export class QuantizedTensor {
  /** The integers, an int8 tensor of the original shape. */
  readonly values: Tensor;
  /** The float32 scales: one, or one per channel. */
  readonly scale: Float32Array;
  /** The zero points: one per scale. */
  readonly zeroPoint: Int32Array;
  /** The channel axis, or `null` for per-tensor parameters. */
  readonly axis: number | null;
  /** The scheme the parameters were chosen with. */
  readonly scheme: QuantizationScheme;
  /** The bit width, 2 to 8. */
  readonly bits: number;

  /**
   * Assembles a quantized tensor from its parts (use `quantizeInt8` to make one from floats).
   *
   * @param init The parts.
   * @throws {TypeError} If `values` is not int8.
   * @throws {RangeError} If there is not one scale and zero point per channel.
   */
  constructor(init: QuantizedTensorInit) {
    if (!(init.values instanceof Tensor) || init.values.dtype !== "int8") {
      throw new TypeError("Cannot build a QuantizedTensor: values must be an int8 tensor");
    }
    const ndim = init.values.shape.length;
    if (
      init.axis !== null && !(Number.isInteger(init.axis) && init.axis >= 0 && init.axis < ndim)
    ) {
      throw new RangeError(
        `Cannot build a QuantizedTensor of shape [${init.values.shape}] with axis ${init.axis}: expected null or 0 to ${
          ndim - 1
        }`,
      );
    }
    const channels = init.axis === null ? 1 : init.values.shape[init.axis];
    if (init.scale.length !== channels || init.zeroPoint.length !== channels) {
      throw new RangeError(
        `Cannot build a QuantizedTensor of shape [${init.values.shape}] with axis ${init.axis}: expected ${channels} scales and zero points, got ${init.scale.length} and ${init.zeroPoint.length}`,
      );
    }
    this.values = init.values;
    this.scale = init.scale;
    this.zeroPoint = init.zeroPoint;
    this.axis = init.axis;
    this.scheme = init.scheme;
    this.bits = init.bits;
  }

  /** The shape of the original tensor. */
  get shape(): readonly number[] {
    return this.values.shape;
  }

  /** The number of quantized values. */
  get size(): number {
    return this.values.size;
  }

  /** Every stored byte: values (1 each) + scales (4 each) + zero points (4 each). */
  get nbytes(): number {
    return this.values.nbytes + this.scale.byteLength + this.zeroPoint.byteLength;
  }

  /** The storage dtype of the values. */
  get dtype(): "int8" {
    return "int8";
  }

  /**
   * A short description, e.g. `QuantizedTensor(int8, shape [128,784], per channel on axis 0)`.
   *
   * @returns The text.
   */
  toString(): string {
    const per = this.axis === null ? "per tensor" : `per channel on axis ${this.axis}`;
    return `QuantizedTensor(${this.bits}-bit ${this.scheme}, shape [${this.shape}], ${per})`;
  }
}
