import type { KernelName } from "./available_kernels.ts";

/**
 * How {@linkcode Int8LinearKernel.runFloat} turns float inputs into int8: each value becomes
 * `clamp(roundHalfToEven(fround(x / scale)) + zeroPoint, qmin, qmax)`, the division in float32 as in
 * ONNX `QuantizeLinear`.
 * Structurally the same as the quantization module's `InputQuantization`.
 */
export interface Int8InputQuantization {
  /** The float step of one integer: a finite number > 0. */
  readonly scale: number;
  /** The integer of real 0, in `[-128, 127]`. */
  readonly zeroPoint: number;
  /** The smallest integer, `-128 ≤ qmin ≤ qmax`; at least 0 for the `"relaxed"` kernel. */
  readonly qmin: number;
  /** The largest integer, at most 127. */
  readonly qmax: number;
}

/**
 * The int8 matmul of one linear layer, with its weights resident (see `createInt8Linear`).
 */
export interface Int8LinearKernel {
  /** The kernel in use. */
  readonly kernel: KernelName;
  /** `N`, the number of weight rows (output features). */
  readonly outFeatures: number;
  /** `K`, the row length (input features). */
  readonly inFeatures: number;
  /** Rows per Wasm call; larger batches are chunked. */
  readonly maxBatch: number;
  /**
   * Bytes held: the whole Wasm memory (padded weights, int8 input, int32 output and float32
   * staging buffers), or the weight copy for `"scalar"`.
   */
  readonly byteLength: number;
  /**
   * The resident weights as an unpadded row-major `[outFeatures, inFeatures]` view, when the
   * layout allows one (`"scalar"` always; Wasm when `inFeatures` is a multiple of 16), else null.
   * A quantized layer can then keep this view as its weight storage instead of a second copy.
   * Writing to it changes what the kernel computes.
   */
  readonly weights: Int8Array | null;
  /**
   * Computes `acc[i, j] = Σ_p x[i, p] · w[j, p]` for a batch of input rows.
   *
   * @param x `batch` rows of `inFeatures` int8 values, row-major. A `Uint8Array` is read as the
   *   same bytes, i.e. as int8 (values above 127 read as negative); for `"relaxed"` every value
   *   must lie in `[0, 127]`.
   * @param batch The number of rows `M` (any size: batches over `maxBatch` are chunked).
   * @returns A new `Int32Array` of `batch * outFeatures` accumulators (a copy, safe to keep).
   * @throws {RangeError} If `x.length !== batch * inFeatures`, or if the kernel is `"relaxed"`
   *   and an input is outside `[0, 127]`.
   */
  run(x: Int8Array | Uint8Array, batch: number): Int32Array;
  /**
   * Quantizes float inputs and multiplies them in one call: the same accumulators as
   * `run(xq, batch)` with `xq[i] = clamp(roundHalfToEven(x[i] / scale) + zeroPoint, qmin, qmax)`,
   * the division in float32 as in ONNX QuantizeLinear (huge values saturate at `qmin` / `qmax`). The Wasm
   * kernels quantize with SIMD straight into their input buffer; `"scalar"` runs a plain loop.
   *
   * @param x `batch` rows of `inFeatures` floats, row-major; every value must be finite.
   * @param batch The number of rows `M` (any size: batches over `maxBatch` are chunked).
   * @param input The scale, zero point and integer range of the inputs.
   * @returns A new `Int32Array` of `batch * outFeatures` accumulators (a copy, safe to keep).
   * @throws {TypeError} If `x` is not a `Float32Array`.
   * @throws {RangeError} If `x.length !== batch * inFeatures`; if an input is NaN or ±Infinity
   *   (the message names the first such element); for a scale that is not finite and > 0, a
   *   zero point or range outside `[-128, 127]` (or `qmin > qmax`, or not integers); or if the
   *   kernel is `"relaxed"` and `qmin < 0`.
   */
  runFloat(x: Float32Array, batch: number, input: Int8InputQuantization): Int32Array;
}
