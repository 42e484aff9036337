import {
  availableKernels,
  bestKernel,
  kernelModule,
  type KernelName,
} from "./available_kernels.ts";
import { matmulInt8Scalar } from "./matmul_int8_scalar.ts";

/** Options of {@linkcode createInt8Linear}. */
export interface Int8LinearOptions {
  /** Which kernel to use; default {@linkcode bestKernel}`()`. */
  kernel?: KernelName;
  /**
   * How many input rows the Wasm memory holds (default 64). Larger batches are run in chunks of
   * `maxBatch` rows, so this trades memory for fewer calls, never correctness.
   */
  maxBatch?: number;
}

/**
 * The int8 matmul of one linear layer, with its weights resident (see {@linkcode createInt8Linear}).
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
  /** Bytes held: the whole Wasm memory (padded weights, input and output buffers), or the weight copy for `"scalar"`. */
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
}

const PAGE = 65536;
const MAX_PAGES = 65536;
const align16 = (n: number): number => Math.ceil(n / 16) * 16;

function asInt8(x: Int8Array | Uint8Array): Int8Array {
  return x instanceof Int8Array ? x : new Int8Array(x.buffer, x.byteOffset, x.length);
}

function asBytes(x: Int8Array | Uint8Array): Uint8Array {
  return x instanceof Uint8Array ? x : new Uint8Array(x.buffer, x.byteOffset, x.length);
}

function checkInput(kernel: Int8LinearKernel, x: Int8Array | Uint8Array, batch: number): void {
  if (!Number.isInteger(batch) || batch < 0 || x.length !== batch * kernel.inFeatures) {
    throw new RangeError(
      `Cannot run the int8 linear kernel on ${x.length} inputs as ${batch} rows: expected ${batch} rows of ${kernel.inFeatures}`,
    );
  }
}

/** The `"scalar"` kernel: plain TypeScript over a private copy of the weights. */
class ScalarInt8Linear implements Int8LinearKernel {
  readonly kernel = "scalar";
  readonly outFeatures: number;
  readonly inFeatures: number;
  readonly maxBatch: number;
  readonly byteLength: number;
  #weights: Int8Array;

  constructor(weights: Int8Array, shape: readonly [number, number], maxBatch: number) {
    [this.outFeatures, this.inFeatures] = shape;
    this.maxBatch = maxBatch;
    this.#weights = weights.slice();
    this.byteLength = this.#weights.byteLength;
  }

  get weights(): Int8Array {
    return this.#weights;
  }

  run(x: Int8Array | Uint8Array, batch: number): Int32Array {
    checkInput(this, x, batch);
    const dims = { m: batch, n: this.outFeatures, k: this.inFeatures };
    return matmulInt8Scalar(asInt8(x), this.#weights, dims);
  }
}

type MatmulExport = (w: number, x: number, out: number, m: number, n: number, kp: number) => void;
type HighBitsExport = (p: number, len: number) => number;

/**
 * A Wasm kernel: one `WebAssembly.Memory` per layer, sized once and never grown (growing would
 * detach the views), holding `[weights N×kp | inputs maxBatch×kp | outputs maxBatch×N int32]`.
 */
class WasmInt8Linear implements Int8LinearKernel {
  readonly kernel: "relaxed" | "dot16";
  readonly weights: Int8Array | null;
  readonly outFeatures: number;
  readonly inFeatures: number;
  readonly maxBatch: number;
  readonly byteLength: number;
  #kp: number;
  #xOffset: number;
  #outOffset: number;
  #bytes: Uint8Array;
  #out: Int32Array;
  #matmul: MatmulExport;
  #highBits: HighBitsExport | undefined;

  constructor(
    kernel: "relaxed" | "dot16",
    weights: Int8Array,
    shape: readonly [number, number],
    maxBatch: number,
  ) {
    const [n, k] = shape;
    this.kernel = kernel;
    [this.outFeatures, this.inFeatures, this.maxBatch] = [n, k, maxBatch];
    this.#kp = Math.max(16, align16(k));
    this.#xOffset = align16(n * this.#kp);
    this.#outOffset = align16(this.#xOffset + maxBatch * this.#kp);
    const pages = Math.max(1, Math.ceil((this.#outOffset + maxBatch * n * 4) / PAGE));
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `Cannot create an int8 linear kernel of shape [${shape}] with maxBatch ${maxBatch}: it needs ${pages} Wasm pages, more than ${MAX_PAGES}`,
      );
    }
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(kernelModule(kernel)!, { env: { memory } });
    this.#matmul = instance.exports.matmul as MatmulExport;
    this.#highBits = instance.exports.highBits as HighBitsExport | undefined;
    this.#bytes = new Uint8Array(memory.buffer);
    this.#out = new Int32Array(memory.buffer, this.#outOffset, maxBatch * n);
    this.byteLength = memory.buffer.byteLength;
    this.#copyRows(asBytes(weights), 0, n, 0);
    this.weights = k === this.#kp ? new Int8Array(memory.buffer, 0, n * k) : null;
  }

  /** Copies `rows` rows of length K from `src` (starting at row `first`) to rows of kp at `at`. */
  #copyRows(src: Uint8Array, first: number, rows: number, at: number): void {
    const k = this.inFeatures, kp = this.#kp;
    if (k === kp) {
      this.#bytes.set(src.subarray(first * k, (first + rows) * k), at);
      return;
    }
    for (let r = 0; r < rows; r++) {
      this.#bytes.set(src.subarray((first + r) * k, (first + r + 1) * k), at + r * kp);
    }
  }

  #chunk(x: Uint8Array, first: number, m: number): Int32Array {
    this.#copyRows(x, first, m, this.#xOffset);
    if (this.#highBits !== undefined && this.#highBits(this.#xOffset, m * this.#kp) !== 0) {
      throw new RangeError(
        `Cannot run the relaxed int8 kernel: every input must lie in [0, 127] (7-bit), use kernel "dot16" for signed inputs`,
      );
    }
    this.#matmul(0, this.#xOffset, this.#outOffset, m, this.outFeatures, this.#kp);
    return this.#out.subarray(0, m * this.outFeatures);
  }

  run(x: Int8Array | Uint8Array, batch: number): Int32Array {
    checkInput(this, x, batch);
    const bytes = asBytes(x);
    if (batch <= this.maxBatch) return this.#chunk(bytes, 0, batch).slice();
    const out = new Int32Array(batch * this.outFeatures);
    for (let first = 0; first < batch; first += this.maxBatch) {
      const m = Math.min(this.maxBatch, batch - first);
      out.set(this.#chunk(bytes, first, m), first * this.outFeatures);
    }
    return out;
  }
}

function checkShape(weights: Int8Array, shape: readonly [number, number], maxBatch: number) {
  const [n, k] = shape;
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || weights.length !== n * k) {
    throw new RangeError(
      `Cannot create an int8 linear kernel of shape [${shape}] from ${weights.length} weights: expected ${n} rows of ${k}`,
    );
  }
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(
      `Cannot create an int8 linear kernel with maxBatch ${maxBatch}: expected a positive integer`,
    );
  }
}

/**
 * Creates the int8 matmul of a linear layer: copies the weights once (into a Wasm memory owned by
 * this kernel, rows zero-padded to a multiple of 16 bytes) and returns an object whose
 * `run(x, batch)` computes the int32 accumulators `acc[i, j] = Σ_p x[i, p] · w[j, p]`.
 *
 * The kernel only multiplies: scales, zero points (see {@linkcode rowSums}) and input validation
 * beyond lengths belong to the op that calls it. Later changes to `weights` do not affect it.
 *
 * @example Usage
 * ```ts
 * import { createInt8Linear } from "@tinytorch/quantization/kernels";
 * const layer = createInt8Linear(Int8Array.of(3, 4, -5, 6), [2, 2], { kernel: "dot16" });
 * console.log([...layer.run(Int8Array.of(1, 2, -1, 0), 2)]); // [11, 7, -3, 5]
 * ```
 *
 * @param weights The int8 weights, row-major `[outFeatures, inFeatures]` (PyTorch Linear layout).
 * @param shape `[outFeatures, inFeatures]`.
 * @param options The kernel (default: the best available) and `maxBatch` (default 64).
 * @returns The kernel object.
 * @throws {RangeError} If `weights.length` does not match `shape`, `maxBatch` is not a positive
 *   integer, the memory would exceed 4 GiB, or the kernel is not available on this engine.
 * @throws {TypeError} If `options.kernel` is not a kernel name.
 */
export function createInt8Linear(
  weights: Int8Array,
  shape: readonly [number, number],
  options: Int8LinearOptions = {},
): Int8LinearKernel {
  const { kernel = bestKernel(), maxBatch = 64 } = options;
  checkShape(weights, shape, maxBatch);
  if (kernel !== "relaxed" && kernel !== "dot16" && kernel !== "scalar") {
    throw new TypeError(
      `Cannot create an int8 linear kernel "${kernel}": expected "relaxed", "dot16" or "scalar"`,
    );
  }
  if (!availableKernels().includes(kernel)) {
    throw new RangeError(
      `Cannot create an int8 linear kernel "${kernel}": this engine supports ${
        availableKernels().join(", ")
      }`,
    );
  }
  if (kernel === "scalar") return new ScalarInt8Linear(weights, shape, maxBatch);
  return new WasmInt8Linear(kernel, weights, shape, maxBatch);
}
