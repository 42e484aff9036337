import { kernelModule, relaxedKernelForm } from "./available_kernels.ts";
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

/** Which build of the relaxed kernel to run: the one `relaxedKernelForm()` names, by default. */
export type RelaxedForm = "fused" | "split";

/**
 * A Wasm kernel: one `WebAssembly.Memory` per layer, sized once and never grown (growing would
 * detach the views), holding, each part 16-byte aligned and the total rounded up to 64 KiB pages:
 * `[weights | inputs maxBatch×kp i8 | outputs maxBatch×N i32 | floats maxBatch×K f32]`. The
 * weights are stored in the layout the kernel wants, once: `N×kp` int8 for `"relaxed"` (so the
 * unpadded rows can double as the layer's weight storage), `N×kp` int16 for `"dot16"` (sign-
 * extended at load: see `int8_matmul_dot16.wat`). The matmul module and the quantizer module are
 * two instances sharing this memory. A call allocates only the `Int32Array` it returns.
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
    form: RelaxedForm = relaxedKernelForm(),
  ) {
    const [n, k] = shape;
    this.kernel = kernel;
    [this.outFeatures, this.inFeatures, this.maxBatch] = [n, k, maxBatch];
    const kp = this.#kp = Math.max(16, align16(k));
    const weightBytes = n * kp * (kernel === "dot16" ? 2 : 1);
    this.#xOffset = align16(weightBytes);
    this.#outOffset = align16(this.#xOffset + maxBatch * kp);
    this.#floatOffset = align16(this.#outOffset + maxBatch * n * 4);
    const pages = Math.max(1, Math.ceil((this.#floatOffset + maxBatch * k * 4) / PAGE));
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `Cannot create an int8 linear kernel of shape [${shape}] with maxBatch ${maxBatch}: it needs ${pages} Wasm pages, more than ${MAX_PAGES}`,
      );
    }
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const imports = { env: { memory } };
    const build = kernel === "relaxed" && form === "split" ? "relaxedSplit" : kernel;
    const matmul = new WebAssembly.Instance(kernelModule(build)!, imports).exports;
    this.#matmul = matmul.matmul as MatmulExport;
    this.#highBits = matmul.highBits as HighBitsExport | undefined;
    const quantizer = new WebAssembly.Instance(kernelModule("quantize")!, imports).exports;
    this.#quantize = quantizer.quantize as QuantizeExport;
    this.#bytes = new Uint8Array(memory.buffer);
    this.#out = new Int32Array(memory.buffer, this.#outOffset, maxBatch * n);
    this.#floats = new Float32Array(memory.buffer, this.#floatOffset, maxBatch * k);
    this.byteLength = memory.buffer.byteLength;
    if (kernel === "dot16") {
      const wide = new Int16Array(memory.buffer, 0, n * kp);
      for (let r = 0; r < n; r++) wide.set(weights.subarray(r * k, (r + 1) * k), r * kp);
      this.weights = null;
    } else {
      this.#copyRows(asBytes(weights), 0, n, 0);
      this.weights = k === kp ? new Int8Array(memory.buffer, 0, n * k) : null;
    }
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

  /** Multiplies the `m` input rows now in memory; returns a view of their accumulators. */
  #multiply(m: number): Int32Array {
    const n = this.outFeatures;
    this.#matmul(0, this.#xOffset, this.#outOffset, m, n, this.#kp);
    return this.#out.subarray(0, m * n);
  }

  /** Throws unless the `m` rows now in memory are 7-bit, for `"relaxed"`. */
  #checkHighBits(m: number): void {
    if (this.#highBits !== undefined && this.#highBits(this.#xOffset, m * this.#kp) !== 0) {
      throw new RangeError(
        `Cannot run the relaxed int8 kernel: every input must lie in [0, 127] (7-bit), use kernel "dot16" for signed inputs`,
      );
    }
  }

  run(x: Int8Array | Uint8Array, batch: number): Int32Array {
    checkRows(this, x.length, batch);
    const bytes = asBytes(x);
    const n = this.outFeatures;
    const out = new Int32Array(batch * n);
    for (let first = 0; first < batch; first += this.maxBatch) {
      const m = Math.min(this.maxBatch, batch - first);
      this.#copyRows(bytes, first, m, this.#xOffset);
      this.#checkHighBits(m);
      out.set(this.#multiply(m), first * n);
    }
    return out;
  }

  runFloat(x: Float32Array, batch: number, input: Int8InputQuantization): Int32Array {
    checkFloatRows(this, x, batch);
    // For "relaxed" this also requires qmin ≥ 0: the quantized inputs are then 7-bit by
    // construction, so no high-bit scan is needed.
    checkInputQuantization(this.kernel, input);
    const { scale, zeroPoint, qmin, qmax } = input;
    const k = this.inFeatures, n = this.outFeatures;
    const out = new Int32Array(batch * n);
    for (let first = 0; first < batch; first += this.maxBatch) {
      const m = Math.min(this.maxBatch, batch - first);
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
      out.set(this.#multiply(m), first * n);
    }
    return out;
  }
}
