import { kernelModule } from "./available_kernels.ts";
import type { Int8InputQuantization, Int8LinearKernel } from "./int8_linear_kernel.ts";
import {
  asBytes,
  checkFloatRows,
  checkInputQuantization,
  checkRows,
  nonFiniteError,
} from "./_input_checks.ts";

type MatmulExport = (w: number, x: number, out: number, m: number, n: number, kp: number) => void;
type HighBitsExport = (p: number, len: number) => number;
type QuantizeExport = (
  src: number,
  dst: number,
  rows: number,
  k: number,
  kp: number,
  scale: number,
  zeroPoint: number,
  qmin: number,
  qmax: number,
) => number;

const PAGE = 65536;
const MAX_PAGES = 65536;
const align16 = (n: number): number => Math.ceil(n / 16) * 16;

/**
 * A Wasm kernel: one `WebAssembly.Memory` per layer, sized once and never grown (growing would
 * detach the views), holding, each part 16-byte aligned and the total rounded up to 64 KiB pages:
 * `[weights N×kp i8 | inputs maxBatch×kp i8 | outputs maxBatch×N i32 | floats maxBatch×K f32]`. The matmul module and the
 * quantizer module are two instances sharing this memory.
 */
export class WasmInt8Linear implements Int8LinearKernel {
  readonly kernel: "relaxed" | "dot16";
  readonly weights: Int8Array | null;
  readonly outFeatures: number;
  readonly inFeatures: number;
  readonly maxBatch: number;
  readonly byteLength: number;
  #kp: number;
  #xOffset: number;
  #outOffset: number;
  #floatOffset: number;
  #bytes: Uint8Array;
  #out: Int32Array;
  #floats: Float32Array;
  #matmul: MatmulExport;
  #highBits: HighBitsExport | undefined;
  #quantize: QuantizeExport;

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
    this.#floatOffset = align16(this.#outOffset + maxBatch * n * 4);
    const pages = Math.max(1, Math.ceil((this.#floatOffset + maxBatch * k * 4) / PAGE));
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `Cannot create an int8 linear kernel of shape [${shape}] with maxBatch ${maxBatch}: it needs ${pages} Wasm pages, more than ${MAX_PAGES}`,
      );
    }
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const imports = { env: { memory } };
    const matmul = new WebAssembly.Instance(kernelModule(kernel)!, imports).exports;
    this.#matmul = matmul.matmul as MatmulExport;
    this.#highBits = matmul.highBits as HighBitsExport | undefined;
    const quantizer = new WebAssembly.Instance(kernelModule("quantize")!, imports).exports;
    this.#quantize = quantizer.quantize as QuantizeExport;
    this.#bytes = new Uint8Array(memory.buffer);
    this.#out = new Int32Array(memory.buffer, this.#outOffset, maxBatch * n);
    this.#floats = new Float32Array(memory.buffer, this.#floatOffset, maxBatch * k);
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

  /**
   * Runs `batch` rows in chunks of at most `maxBatch`: `load(first, m)` fills the input buffer
   * with rows `first .. first + m` (and may throw), then the matmul runs on them.
   */
  #batched(batch: number, load: (first: number, m: number) => void): Int32Array {
    const n = this.outFeatures;
    const chunk = (first: number, m: number): Int32Array => {
      load(first, m);
      this.#matmul(0, this.#xOffset, this.#outOffset, m, n, this.#kp);
      return this.#out.subarray(0, m * n);
    };
    if (batch <= this.maxBatch) return chunk(0, batch).slice();
    const out = new Int32Array(batch * n);
    for (let first = 0; first < batch; first += this.maxBatch) {
      const m = Math.min(this.maxBatch, batch - first);
      out.set(chunk(first, m), first * n);
    }
    return out;
  }

  run(x: Int8Array | Uint8Array, batch: number): Int32Array {
    checkRows(this, x.length, batch);
    const bytes = asBytes(x);
    return this.#batched(batch, (first, m) => {
      this.#copyRows(bytes, first, m, this.#xOffset);
      if (this.#highBits !== undefined && this.#highBits(this.#xOffset, m * this.#kp) !== 0) {
        throw new RangeError(
          `Cannot run the relaxed int8 kernel: every input must lie in [0, 127] (7-bit), use kernel "dot16" for signed inputs`,
        );
      }
    });
  }

  runFloat(x: Float32Array, batch: number, input: Int8InputQuantization): Int32Array {
    checkFloatRows(this, x, batch);
    // For "relaxed" this also requires qmin ≥ 0: the quantized inputs are then 7-bit by
    // construction, so no high-bit scan is needed.
    checkInputQuantization(this.kernel, input);
    const { scale, zeroPoint, qmin, qmax } = input;
    const k = this.inFeatures;
    return this.#batched(batch, (first, m) => {
      this.#floats.set(m === batch ? x : x.subarray(first * k, (first + m) * k));
      const bad = this.#quantize(
        this.#floatOffset,
        this.#xOffset,
        m,
        k,
        this.#kp,
        scale,
        zeroPoint,
        qmin,
        qmax,
      );
      if (bad !== 0) throw nonFiniteError(x, first * k);
    });
  }
}
