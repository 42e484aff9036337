import { Tensor } from "@tinytorch/tensor";
import type { QuantizationScheme } from "./quantization_params.ts";
import { packNibbles, unpackNibbles } from "./_nibbles.ts";

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
  /** The bit width, 2 to 8 (at 4 bits or fewer, stored two values per byte). */
  readonly bits: number;
}

/**
 * An int8 tensor with the scales and zero points that map it back to floats:
 * `real[i] ≈ (values[i] − zeroPoint[c]) · scale[c]`, where `c` is the channel of element `i`
 * along `axis` (always 0 when `axis` is null).
 *
 * At 8 to 5 bits the values are stored one per byte (an Int8Array); at 4 bits or fewer two go
 * in one byte (`packed`, ONNX's int4 layout, the first value in the low nibble), and `values`
 * unpacks them into a fresh int8 tensor on each access.
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
  #values: Tensor | null;
  #packed: Uint8Array | null;
  #shape: readonly number[];
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
    if (init.bits <= 4) {
      const limit = 2 ** (init.bits - 1);
      const data = init.values.data as Int8Array;
      const bad = data.findIndex((v) => v < -limit || v >= limit);
      if (bad >= 0) {
        throw new RangeError(
          `Cannot store ${data[bad]} (index ${bad}) in ${init.bits} bits: expected ${-limit} to ${
            limit - 1
          }`,
        );
      }
      this.#packed = packNibbles(data);
      this.#values = null;
    } else {
      this.#values = init.values;
      this.#packed = null;
    }
    this.#shape = init.values.shape;
    this.scale = init.scale;
    this.zeroPoint = init.zeroPoint;
    this.axis = init.axis;
    this.scheme = init.scheme;
    this.bits = init.bits;
  }

  /**
   * The integers, an int8 tensor of the original shape: the stored one, or at 4 bits or fewer a
   * fresh unpacked copy on each access.
   */
  get values(): Tensor {
    return this.#values ?? new Tensor(unpackNibbles(this.#packed!, this.size), this.#shape);
  }

  /** At 4 bits or fewer, the stored bytes, two values each (low nibble first); else null. */
  get packed(): Uint8Array | null {
    return this.#packed;
  }

  /** The shape of the original tensor. */
  get shape(): readonly number[] {
    return this.#shape;
  }

  /** The number of quantized values. */
  get size(): number {
    return this.#shape.reduce((a, b) => a * b, 1);
  }

  /**
   * Every stored byte: values (1 each, or 1/2 each when packed) + scales (4 each) + zero points
   * (4 each).
   */
  get nbytes(): number {
    const values = this.#values?.nbytes ?? this.#packed!.byteLength;
    return values + this.scale.byteLength + this.zeroPoint.byteLength;
  }

  /** The storage dtype of the values. */
  get dtype(): "int8" {
    return "int8";
  }

  /**
   * The values and zero points in ONNX's unsigned form (its activation type `uint8`, or `uint4`
   * at 4 bits): each shifted up by `2^(bits−1)`, which is exact. `(q − zeroPoint) · scale` is
   * unchanged, so the tensor means the same.
   *
   * @example Usage
   * ```ts
   * import { quantizeInt8 } from "@tinytorch/quantization";
   * import { tensor } from "@tinytorch/tensor";
   * import assert from "node:assert/strict";
   * const u = quantizeInt8(tensor([0, 2, -3, -2.5, 1.34, 0.5])).toUint8();
   * // ONNX's own DynamicQuantizeLinear test gives exactly these bytes and zero point:
   * assert.deepEqual(Array.from(u.values), [153, 255, 0, 26, 221, 179]);
   * assert.deepEqual(Array.from(u.zeroPoint), [153]);
   * ```
   *
   * @returns The shifted values and zero points.
   */
  toUint8(): { values: Uint8Array; zeroPoint: Uint8Array } {
    const shift = 2 ** (this.bits - 1);
    return {
      values: Uint8Array.from(this.values.data as Int8Array, (v) => v + shift),
      zeroPoint: Uint8Array.from(this.zeroPoint, (z) => z + shift),
    };
  }

  /**
   * A quantized tensor from ONNX's unsigned form (see {@linkcode QuantizedTensor.toUint8}): values
   * and zero points shifted down by `2^(bits−1)`, exactly.
   *
   * @param values The unsigned values, row-major.
   * @param init The shape, scales, unsigned zero points, axis and (default 8) bit width.
   * @returns The quantized tensor (scheme `"asymmetric"`, as ONNX's full integer range is).
   * @throws {TypeError} If `values` is not a Uint8Array.
   * @throws {RangeError} If a value or zero point does not fit `bits`, the count does not fit the
   * shape, or there is not one scale and zero point per channel.
   */
  static fromUint8(
    values: Uint8Array,
    init: {
      readonly shape: readonly number[];
      readonly scale: Float32Array;
      readonly zeroPoint: Uint8Array;
      readonly axis: number | null;
      readonly bits?: number;
    },
  ): QuantizedTensor {
    if (!(values instanceof Uint8Array)) {
      throw new TypeError(
        `Cannot read ${String(values)} as unsigned quantized values: expected a Uint8Array`,
      );
    }
    const bits = init.bits ?? 8;
    if (!Number.isInteger(bits) || bits < 2 || bits > 8) {
      throw new RangeError(`Cannot read unsigned values of ${bits} bits: expected 2 to 8`);
    }
    const shift = 2 ** (bits - 1);
    const top = 2 ** bits - 1;
    for (const [what, list] of [["value", values], ["zero point", init.zeroPoint]] as const) {
      const i = list.findIndex((v) => v > top);
      if (i >= 0) {
        throw new RangeError(
          `Cannot read the unsigned ${what} ${
            list[i]
          } (index ${i}) as ${bits} bits: expected 0 to ${top}`,
        );
      }
    }
    const size = init.shape.reduce((a, b) => a * b, 1);
    if (size !== values.length) {
      throw new RangeError(
        `Cannot read ${values.length} values as a tensor of shape [${init.shape}] (${size} values)`,
      );
    }
    return new QuantizedTensor({
      values: new Tensor(Int8Array.from(values, (v) => v - shift), init.shape),
      scale: init.scale,
      zeroPoint: Int32Array.from(init.zeroPoint, (z) => z - shift),
      axis: init.axis,
      scheme: "asymmetric",
      bits,
    });
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
