import {
  availableFloat32Kernels,
  FLOAT32_MODULES,
  type Float32KernelName,
  kernelModule,
} from "./available_kernels.ts";

/** Options of {@linkcode createFloat32Linear}. */
export interface Float32LinearOptions {
  /** Which float32 kernel to use; default the first of {@linkcode availableFloat32Kernels}. */
  kernel?: Float32KernelName;
  /** The bias, `outFeatures` values, added to every output row; default none. */
  bias?: Float32Array | null;
  /**
   * How many input rows the Wasm memory holds (default 64). Larger batches are run in chunks of
   * `maxBatch` rows, so this trades memory for fewer calls, never correctness.
   */
  maxBatch?: number;
}

/** The float32 matmul of one linear layer in Wasm SIMD, with its weights resident. */
export interface Float32LinearKernel {
  /** The kernel in use. */
  readonly kernel: Float32KernelName;
  /** `N`, the number of weight rows (output features). */
  readonly outFeatures: number;
  /** `K`, the row length (input features). */
  readonly inFeatures: number;
  /** Rows per Wasm call; larger batches are chunked. */
  readonly maxBatch: number;
  /** Bytes held: the whole Wasm memory (padded weights, bias, input and output buffers). */
  readonly byteLength: number;
  /**
   * Computes `y[i, j] = bias[j] + Σ_p x[i, p] · w[j, p]` in float32 for a batch of input rows.
   *
   * @param x `batch` rows of `inFeatures` floats, row-major.
   * @param batch The number of rows `M` (any size: batches over `maxBatch` are chunked).
   * @returns A new `Float32Array` of `batch * outFeatures` outputs (a copy, safe to keep).
   * @throws {TypeError} If `x` is not a `Float32Array`.
   * @throws {RangeError} If `x.length !== batch * inFeatures`.
   */
  run(x: Float32Array, batch: number): Float32Array;
}

type MatmulExport = (
  w: number,
  x: number,
  out: number,
  m: number,
  n: number,
  kp: number,
  bias: number,
) => void;

const PAGE = 65536;
const MAX_PAGES = 65536;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/**
 * The float32 Wasm kernel: one `WebAssembly.Memory`, sized once and never grown, holding
 * `[weights N×kp | bias N | inputs maxBatch×kp | outputs maxBatch×N]` in float32, each part
 * 16-byte aligned (`kp` is `K` rounded up to a multiple of 4, the padding zero).
 */
class WasmFloat32Linear implements Float32LinearKernel {
  readonly kernel: Float32KernelName;
  readonly outFeatures: number;
  readonly inFeatures: number;
  readonly maxBatch: number;
  readonly byteLength: number;
  #kp: number;
  #x: Float32Array;
  #xOffset: number;
  #out: Float32Array;
  #outOffset: number;
  #biasOffset: number;
  #matmul: MatmulExport;

  constructor(
    kernel: Float32KernelName,
    weights: Float32Array,
    shape: readonly [number, number],
    bias: Float32Array | null,
    maxBatch: number,
  ) {
    const [n, k] = shape;
    this.kernel = kernel;
    [this.outFeatures, this.inFeatures, this.maxBatch] = [n, k, maxBatch];
    const kp = this.#kp = Math.max(4, align(k, 4));
    this.#biasOffset = align(n * kp * 4, 16);
    this.#xOffset = align(this.#biasOffset + n * 4, 16);
    this.#outOffset = align(this.#xOffset + maxBatch * kp * 4, 16);
    const pages = Math.max(1, Math.ceil((this.#outOffset + maxBatch * n * 4) / PAGE));
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `Cannot create a float32 linear kernel of shape [${shape}] with maxBatch ${maxBatch}: it needs ${pages} Wasm pages, more than ${MAX_PAGES}`,
      );
    }
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const module = kernelModule(FLOAT32_MODULES[kernel])!;
    this.#matmul = new WebAssembly.Instance(module, { env: { memory } }).exports
      .matmul as MatmulExport;
    this.byteLength = memory.buffer.byteLength;
    const w = new Float32Array(memory.buffer, 0, n * kp);
    for (let r = 0; r < n; r++) w.set(weights.subarray(r * k, (r + 1) * k), r * kp);
    if (bias) new Float32Array(memory.buffer, this.#biasOffset, n).set(bias);
    this.#x = new Float32Array(memory.buffer, this.#xOffset, maxBatch * kp);
    this.#out = new Float32Array(memory.buffer, this.#outOffset, maxBatch * n);
  }

  run(x: Float32Array, batch: number): Float32Array {
    if (!(x instanceof Float32Array)) {
      throw new TypeError(
        `Cannot run the float32 linear kernel: expected a Float32Array, got ${
          Object.prototype.toString.call(x).slice(8, -1)
        }`,
      );
    }
    if (!Number.isInteger(batch) || batch < 0 || x.length !== batch * this.inFeatures) {
      throw new RangeError(
        `Cannot run the float32 linear kernel on ${x.length} inputs as ${batch} rows: expected ${batch} rows of ${this.inFeatures}`,
      );
    }
    const k = this.inFeatures, kp = this.#kp, n = this.outFeatures;
    const out = new Float32Array(batch * n);
    for (let first = 0; first < batch; first += this.maxBatch) {
      const m = Math.min(this.maxBatch, batch - first);
      if (k === kp) this.#x.set(x.subarray(first * k, (first + m) * k));
      else {
        for (let r = 0; r < m; r++) {
          this.#x.set(x.subarray((first + r) * k, (first + r + 1) * k), r * kp);
        }
      }
      this.#matmul(0, this.#xOffset, this.#outOffset, m, n, kp, this.#biasOffset);
      out.set(this.#out.subarray(0, m * n), first * n);
    }
    return out;
  }
}

/**
 * Creates the float32 matmul of a linear layer in WebAssembly SIMD, the honest float baseline of
 * the int8 kernels: copies the weights (and bias) once into a Wasm memory owned by this kernel
 * and returns an object whose `run(x, batch)` computes `x · Wᵀ + b` in float32, 2 rows × 4 columns
 * at a time with `f32x4.relaxed_madd` (fused multiply-add where the engine validates relaxed
 * SIMD, else `f32x4.mul` and `f32x4.add`). Given code, not a learner task: the lesson's float
 * path stays `Linear`, and the simulated int8 path its float matmul.
 *
 * The sums run in a different order than a scalar loop (4 partial sums per output, folded at the
 * end), so results agree with `Linear.forward` to float32 rounding, not bit for bit. NaN and
 * ±Infinity propagate as in any float matmul. Later changes to `weights` or `bias` do not affect
 * the kernel.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { createFloat32Linear } from "@tinytorch/quantization/kernels";
 * const w = Float32Array.of(1, 2, 3, 4); // 2 output features, 2 input features
 * const layer = createFloat32Linear(w, [2, 2], { bias: Float32Array.of(0.5, -1) });
 * assert.deepEqual([...layer.run(Float32Array.of(1, 1, 2, 0), 2)], [3.5, 6, 2.5, 5]);
 * ```
 *
 * @param weights The float32 weights, row-major `[outFeatures, inFeatures]` (PyTorch layout).
 * @param shape `[outFeatures, inFeatures]`.
 * @param options The kernel (default the best available), bias, `maxBatch` (default 64).
 * @returns The kernel object.
 * @throws {RangeError} If `weights.length` or `bias.length` does not match `shape`, `maxBatch`
 *   is not a positive integer, the memory would exceed 4 GiB, or the kernel is not available.
 * @throws {TypeError} If `weights` or `bias` is not a `Float32Array`, or `options.kernel` is not
 *   a float32 kernel name.
 */
export function createFloat32Linear(
  weights: Float32Array,
  shape: readonly [number, number],
  options: Float32LinearOptions = {},
): Float32LinearKernel {
  const { kernel = availableFloat32Kernels()[0], bias = null, maxBatch = 64 } = options;
  const [n, k] = shape;
  const op = "Cannot create a float32 linear kernel";
  if (!(weights instanceof Float32Array) || (bias !== null && !(bias instanceof Float32Array))) {
    throw new TypeError(`${op}: weights and bias must be Float32Arrays`);
  }
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || weights.length !== n * k) {
    throw new RangeError(
      `${op} of shape [${shape}] from ${weights.length} weights: expected ${n} rows of ${k}`,
    );
  }
  if (bias !== null && bias.length !== n) {
    throw new RangeError(`${op} of shape [${shape}] with ${bias.length} biases: expected ${n}`);
  }
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`${op} with maxBatch ${maxBatch}: expected a positive integer`);
  }
  if (kernel !== "relaxed" && kernel !== "simd") {
    throw new TypeError(`${op} "${kernel}": expected "relaxed" or "simd"`);
  }
  if (!availableFloat32Kernels().includes(kernel)) {
    throw new RangeError(
      `${op} "${kernel}": this engine supports ${
        availableFloat32Kernels().join(", ") || "no Wasm SIMD"
      }`,
    );
  }
  return new WasmFloat32Linear(kernel, weights, shape, bias, maxBatch);
}
