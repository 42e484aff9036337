import { Layer, Linear, linear } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import { dequantizeInt8 } from "./dequantize_int8.ts";
import { type InputQuantization, inputQuantization } from "./input_quantization.ts";
import { int8LinearForward } from "./int8_linear_forward.ts";
import {
  bestKernel,
  createInt8Linear,
  type Int8LinearKernel,
  type KernelName,
  rowSums,
} from "./kernels/mod.ts";
import type { ObservedRange } from "./min_max_observer.ts";
import { quantizeInt8 } from "./quantize_int8.ts";
import { QuantizedTensor } from "./quantized_tensor.ts";
import { roundHalfToEven } from "./round_half_to_even.ts";
import { checkParts, type QuantizedParts } from "./_quantized_parts.ts";

export type { QuantizedParts };

/** Options of {@linkcode QuantizedLinear.fromLinear}. */
export interface QuantizedLinearOptions {
  /** One weight scale per output row (default `true`), or one for the whole weight. */
  perChannel?: boolean;
  /** The calibrated range of this layer's inputs; without it only the simulated path runs. */
  inputRange?: ObservedRange;
  /** The int8 kernel; default the best this engine validates that fits the input scheme. */
  kernel?: KernelName;
  /** Weight bit width, 2 to 8; default 8. */
  bits?: number;
  /** Rows per kernel call (the Wasm scratch memory holds this many); default 64. */
  maxBatch?: number;
}

/** Bytes a quantized layer stores, next to what its float32 original stored. */
export interface MemoryUsage {
  /** The float32 layer: (weights + bias) × 4. */
  readonly fp32Bytes: number;
  /** Every stored byte: int8 weights, scales, zero points, bias and row sums. */
  readonly quantizedBytes: number;
  /** `fp32Bytes / quantizedBytes`. */
  readonly ratio: number;
  /**
   * Working memory of the kernel beyond the stored weights (the Wasm input, output and float
   * staging buffers, and, for weights packed at 4 bits or fewer, the int8 copy the kernel unpacks
   * them into once at load), not state.
   */
  readonly scratchBytes: number;
}

interface Calibrated {
  input: InputQuantization;
  kernel: Int8LinearKernel;
  bias: Int32Array | null;
  rowSums: Int32Array | null;
}

function chooseKernel(requested: KernelName | undefined, input: InputQuantization): KernelName {
  const best = bestKernel();
  if (input.qmin >= 0) return requested ?? best;
  if (requested === "relaxed") {
    throw new RangeError(
      `Cannot use the relaxed kernel for inputs that can be negative: its inputs must lie in [0, 127]; use "dot16" or "scalar"`,
    );
  }
  return requested ?? (best === "relaxed" ? "dot16" : best);
}

/**
 * A Linear layer with int8 weights (symmetric, per output row by default) and two forward paths:
 * `forwardSimulated` (dequantize the weights, then the float32 matmul of `Linear`) and
 * `forwardInt8` (quantize the input with its calibrated range, integer matmul with int32
 * accumulation on a SIMD kernel, rescale). `forward` takes the integer path once calibrated.
 * The float32 weights are not kept.
 *
 * @example Usage
 * ```ts
 * import { Linear } from "@tinytorch/layers";
 * import { QuantizedLinear } from "@tinytorch/quantization";
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const fp32 = new Linear(784, 128, { seed: 1 });
 * const q = QuantizedLinear.fromLinear(fp32, { inputRange: { min: 0, max: 1 } });
 * const x = rand([2, 784], { seed: 2 });
 * assert.deepEqual(q.forward(x).shape, [2, 128]);
 * assert.equal(q.memoryUsage().fp32Bytes, 401920); // (784·128 + 128) · 4
 * assert.equal(q.memoryUsage().quantizedBytes, 101888); // 784·128 + 128 · (4 + 4 + 4)
 * ```
 */
export class QuantizedLinear extends Layer {
  /** The size of each input row. */
  readonly inFeatures: number;
  /** The size of each output row. */
  readonly outFeatures: number;
  /** The int8 weights `[outFeatures, inFeatures]` with their scales (zero points are 0). */
  readonly weight: QuantizedTensor;
  #bias: Tensor | null;
  #calibrated: Calibrated | null;

  private constructor(weight: QuantizedTensor, bias: Tensor | null, calibrated: Calibrated | null) {
    super();
    [this.outFeatures, this.inFeatures] = weight.shape;
    this.weight = weight;
    this.#bias = bias;
    this.#calibrated = calibrated;
  }

  /**
   * The bias as float32, or null. Once calibrated the layer stores it as int32 at scale
   * `s_in · s_w` (what the integer path adds), and this is that int32 bias times its scale.
   */
  get bias(): Tensor | null {
    return this.#floatBias();
  }

  /**
   * How this layer quantizes its inputs (scale, zero point, integer range), or null before
   * calibration. A copy: changing it changes nothing.
   */
  get inputQuantization(): InputQuantization | null {
    return this.#calibrated ? { ...this.#calibrated.input } : null;
  }

  /**
   * Quantizes a Linear layer. The original is untouched and nothing keeps its float32 weights.
   *
   * @param layer The float32 layer.
   * @param options Per-channel weights, calibrated input range, kernel, bits.
   * @returns The quantized layer.
   * @throws {TypeError} If `layer` is not a Linear.
   * @throws {RangeError} For a bad range, bit width or a kernel that cannot take the inputs.
   */
  static fromLinear(layer: Linear, options: QuantizedLinearOptions = {}): QuantizedLinear {
    if (!(layer instanceof Linear)) {
      throw new TypeError(`Cannot quantize ${String(layer)}: expected a Linear layer`);
    }
    const { perChannel = true, bits = 8 } = options;
    const weight = quantizeInt8(layer.weight, {
      scheme: "symmetric",
      bits,
      ...(perChannel ? { axis: 0 } : {}),
    });
    if (!options.inputRange) {
      return new QuantizedLinear(weight, layer.bias?.clone() ?? null, null);
    }
    const input = inputQuantization(options.inputRange);
    const bias = layer.bias
      ? quantizeBias(layer.bias.data as Float32Array, input.scale, weight.scale)
      : null;
    return QuantizedLinear.fromQuantized({ weight, bias, input, ...options });
  }

  /**
   * A calibrated layer from its integer parts, for models quantized elsewhere (an ONNX file, a
   * checkpoint): int8 weights `[outFeatures, inFeatures]` with zero points 0 (symmetric, per
   * tensor or per output row), an int32 bias at scale `inputScale · weightScale`, and the input
   * quantization.
   *
   * @example Usage
   * ```ts
   * import { QuantizedLinear, QuantizedTensor } from "@tinytorch/quantization";
   * import { Tensor, tensor } from "@tinytorch/tensor";
   * import assert from "node:assert/strict";
   * const weight = new QuantizedTensor({
   *   values: new Tensor(Int8Array.of(1, -2, 3, 4), [2, 2]),
   *   scale: Float32Array.of(0.5),
   *   zeroPoint: Int32Array.of(0),
   *   axis: null,
   *   scheme: "symmetric",
   *   bits: 8,
   * });
   * const input = { scale: 0.25, zeroPoint: 0, qmin: 0, qmax: 127 };
   * const layer = QuantizedLinear.fromQuantized({ weight, bias: Int32Array.of(8, -8), input });
   * // x = [1, 2] → xq = [4, 8]; acc = [4 - 16 + 8, 12 + 32 - 8] = [-4, 36]; y = acc · 0.25 · 0.5
   * assert.deepEqual(Array.from(layer.forward(tensor([[1, 2]])).data), [-0.5, 4.5]);
   * ```
   *
   * @param parts The weight, the int32 bias (or null), the input quantization, and kernel options.
   * @returns The layer.
   * @throws {TypeError} If `weight` is not a 2-D int8 QuantizedTensor or `bias` not an Int32Array.
   * @throws {RangeError} For non-zero weight zero points, a bias of the wrong length, an input
   * quantization that does not fit int8, or a kernel that cannot take the inputs.
   */
  static fromQuantized(parts: QuantizedParts): QuantizedLinear {
    const { weight, bias, input, maxBatch } = checkParts(parts);
    const shape = weight.shape as [number, number];
    const kernel = createInt8Linear(weight.values.data as Int8Array, shape, {
      kernel: chooseKernel(parts.kernel, input),
      ...(maxBatch !== undefined ? { maxBatch } : {}),
    });
    // 8-bit weights live in the kernel's memory (one copy). Packed 4-bit weights stay packed;
    // the kernel unpacks them once, here, into its own int8 copy (working memory).
    const w = kernel.weights && weight.packed === null
      ? new QuantizedTensor({ ...weight, values: new Tensor(kernel.weights, shape) })
      : weight;
    const sums = input.zeroPoint === 0 ? null : rowSums(w.values.data as Int8Array, shape);
    const calibrated = { input, kernel, bias, rowSums: sums };
    return new QuantizedLinear(w, null, calibrated);
  }

  /** Whether an input range was calibrated (then `forward` runs the integer path). */
  get calibrated(): boolean {
    return this.#calibrated !== null;
  }

  /**
   * The arithmetic `forward` computes in: `"int8"` once calibrated (the integer kernel), else
   * `"float32"` (the simulated path). Profiling judges the layer against that compute roof.
   */
  get precision(): "float32" | "int8" {
    return this.#calibrated ? "int8" : "float32";
  }

  /** The kernel of the integer path, or null before calibration. */
  get kernel(): KernelName | null {
    return this.#calibrated?.kernel.kernel ?? null;
  }

  /**
   * `forwardInt8` when calibrated, else `forwardSimulated`.
   *
   * @param x The input `[..., inFeatures]`.
   * @returns The output `[..., outFeatures]`.
   */
  forward(x: Tensor): Tensor {
    return this.#calibrated ? this.forwardInt8(x) : this.forwardSimulated(x);
  }

  /**
   * The educational path: a fresh float32 copy of the dequantized weights (and bias), then the
   * same float32 matmul that `Linear.forward` uses. Memory-saving storage, float-speed compute
   * plus the cost of dequantizing every call.
   *
   * @param x The input `[..., inFeatures]`.
   * @returns The output `[..., outFeatures]`.
   */
  forwardSimulated(x: Tensor): Tensor {
    this.checkInput(x);
    return linear(x, dequantizeInt8(this.weight), this.#floatBias());
  }

  /**
   * The integer path: see `int8LinearForward`.
   *
   * @param x The input `[..., inFeatures]`, float32.
   * @returns The output `[..., outFeatures]`.
   * @throws {RangeError} Before calibration, or for a shape that does not fit.
   */
  forwardInt8(x: Tensor): Tensor {
    const outShape = this.checkInput(x);
    const c = this.#calibrated;
    if (!c) {
      throw new RangeError(
        `Cannot run the int8 path of ${this}: it has no calibrated input range (pass inputRange to fromLinear, or use quantizeModel)`,
      );
    }
    const data = x.data instanceof Float32Array ? x.data : Float32Array.from(x.data);
    const rows = x.size / this.inFeatures;
    const y = int8LinearForward(data, rows, { ...c, weightScale: this.weight.scale });
    return new Tensor(y, outShape);
  }

  /**
   * The integer core of the layer, for integer-only inference: the int32 accumulators at scale
   * `s_in · s_w[n]` with the bias added and the input zero point corrected,
   * `acc[r, n] = Σ_k xq[r, k] · wq[n, k] + bias[n] − z_in · Σ_k wq[n, k]`. Float inputs are
   * quantized with the layer's input quantization first; int8 inputs are taken as already
   * quantized with it.
   *
   * @param x `rows × inFeatures` values, row-major: float32, or int8 quantized as
   * {@linkcode QuantizedLinear.inputQuantization} says.
   * @param rows The number of rows.
   * @returns `rows × outFeatures` int32 accumulators.
   * @throws {RangeError} Before calibration, for a length that is not `rows × inFeatures`, or
   * for int8 inputs outside the input's integer range.
   */
  accumulate(x: Float32Array | Int8Array, rows: number): Int32Array {
    const c = this.#calibrated;
    if (!c) {
      throw new RangeError(`Cannot accumulate in ${this}: it has no calibrated input range`);
    }
    if (x instanceof Int8Array) {
      const bad = x.findIndex((v) => v < c.input.qmin || v > c.input.qmax);
      if (bad >= 0) {
        throw new RangeError(
          `Cannot accumulate in ${this}: input ${bad} is ${
            x[bad]
          }, outside its integer range [${c.input.qmin}, ${c.input.qmax}]`,
        );
      }
    }
    const acc = x instanceof Int8Array
      ? c.kernel.run(x, rows)
      : c.kernel.runFloat(x, rows, c.input);
    const n = this.outFeatures;
    for (let j = 0; j < n; j++) {
      const offset = (c.bias?.[j] ?? 0) - (c.rowSums ? c.input.zeroPoint * c.rowSums[j] : 0);
      if (offset !== 0) { for (let i = j; i < acc.length; i += n) acc[i] += offset; }
    }
    return acc;
  }

  /**
   * The stored state: the quantized weight, the bias as stored (int32 once calibrated, float32
   * before) and, for signed inputs, the weight row sums of the zero-point correction (derived,
   * but stored: their bytes count).
   *
   * @returns `[weight, bias?, rowSums?]`; each has `size` and `nbytes`.
   */
  override parameters(): (Tensor | QuantizedTensor)[] {
    const stored = this.#storedBias();
    const sums = this.#calibrated?.rowSums;
    return [this.weight, ...stored ? [stored] : [], ...sums ? [new Tensor(sums)] : []];
  }

  /**
   * The output shape for an input shape.
   *
   * @param inShape `[..., inFeatures]`.
   * @returns `[..., outFeatures]`.
   * @throws {RangeError} If the last dimension is not `inFeatures`.
   */
  override outputShape(inShape: readonly number[]): number[] {
    if (inShape.length === 0 || inShape[inShape.length - 1] !== this.inFeatures) {
      throw new RangeError(
        `Cannot apply ${this} to a tensor of shape [${inShape}]: expected last dimension ${this.inFeatures}`,
      );
    }
    return [...inShape.slice(0, -1), this.outFeatures];
  }

  /**
   * Operations for an input shape, counted like `Linear`: `2·B·in·out + B·out` (integer
   * multiply-adds are operations too).
   *
   * @param inShape `[..., inFeatures]`.
   * @returns The count.
   */
  override flops(inShape: readonly number[]): number {
    const rows = this.outputShape(inShape).slice(0, -1).reduce((a, b) => a * b, 1);
    const bias = this.#storedBias() ? this.outFeatures : 0;
    return rows * (2 * this.inFeatures * this.outFeatures + bias);
  }

  /**
   * Stored bytes against the float32 original (see {@linkcode MemoryUsage}).
   *
   * @returns Bytes and their ratio.
   */
  memoryUsage(): MemoryUsage {
    const bias = this.#storedBias();
    const fp32Bytes = (this.weight.size + (bias?.size ?? 0)) * 4;
    const c = this.#calibrated;
    const quantizedBytes = this.weight.nbytes + (bias?.nbytes ?? 0) + (c?.rowSums?.byteLength ?? 0);
    const shared = c?.kernel.weights && this.weight.packed === null ? this.weight.size : 0;
    const scratchBytes = c ? c.kernel.byteLength - shared : 0;
    return { fp32Bytes, quantizedBytes, ratio: fp32Bytes / quantizedBytes, scratchBytes };
  }

  /**
   * A description, e.g. `QuantizedLinear(784, 128, int8 per channel, relaxed)`.
   *
   * @returns The text.
   */
  override toString(): string {
    const per = this.weight.axis === null ? "per tensor" : "per channel";
    const path = this.kernel ?? "simulated";
    return `QuantizedLinear(${this.inFeatures}, ${this.outFeatures}, int${this.weight.bits} ${per}, ${path})`;
  }

  #storedBias(): Tensor | null {
    const int32 = this.#calibrated?.bias;
    return int32 ? new Tensor(int32) : this.#bias;
  }

  #floatBias(): Tensor | null {
    const c = this.#calibrated;
    if (!c?.bias) return this.#bias?.clone() ?? null;
    const s = this.weight.scale;
    const b = Float32Array.from(c.bias, (v, j) => v * c.input.scale * s[s.length === 1 ? 0 : j]);
    return new Tensor(b);
  }
}

function quantizeBias(
  bias: Float32Array,
  inputScale: number,
  weightScale: Float32Array,
): Int32Array {
  return Int32Array.from(bias, (b, j) => {
    const scale = inputScale * weightScale[weightScale.length === 1 ? 0 : j];
    const q = roundHalfToEven(b / scale);
    if (!(Math.abs(q) <= 2147483647)) {
      throw new RangeError(
        `Cannot store bias ${b} of output ${j} as int32 at scale ${scale} (input scale × weight scale): it needs ${q}; the calibrated input range is too narrow for this layer`,
      );
    }
    return q;
  });
}
