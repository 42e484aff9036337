/**
 * The `"scalar"` int8 linear kernel: plain TypeScript, the fallback on engines without Wasm SIMD.
 * Private: `createInt8Linear` builds it.
 *
 * @module
 */
import type { Int8InputQuantization, Int8LinearKernel } from "./int8_linear_kernel.ts";
import {
  asInt8,
  checkFloatRows,
  checkInputQuantization,
  checkRows,
  nonFiniteError,
} from "./_input_checks.ts";
import { matmulInt8Scalar } from "./matmul_int8_scalar.ts";

/** 1.5 · 2^52: adding it to a double below 2^51 in magnitude rounds it to an integer, ties to even. */
const ROUND = 6755399441055744;

/**
 * Quantizes float inputs one by one: `clamp(nearestEven(x / scale) + zeroPoint, qmin, qmax)` with
 * the division in float32 (the arguments are checked already), exactly as `quantizeInt8`, the Wasm
 * quantizer and ONNX QuantizeLinear do: clamp `fround(x / scale) + ROUND` to
 * `ROUND + [qmin, qmax] − zeroPoint`, then subtract `ROUND` (a float32 quotient is a double, so
 * adding `ROUND` rounds it to an integer, ties to even; ±∞ clamps to an end). The
 * kernels carry their own rounding so that they depend on nothing of the quantization package.
 * Throws at the first non-finite value.
 */
export function quantizeInputScalar(x: Float32Array, input: Int8InputQuantization): Int8Array {
  const { scale, zeroPoint, qmin, qmax } = input;
  const lo = ROUND + qmin - zeroPoint;
  const hi = ROUND + qmax - zeroPoint;
  const xq = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw nonFiniteError(x, i);
    const t = Math.fround(x[i] / scale) + ROUND;
    xq[i] = (t < lo ? lo : t > hi ? hi : t) - ROUND + zeroPoint;
  }
  return xq;
}

/** The `"scalar"` kernel: plain TypeScript over a private copy of the weights. */
export class ScalarInt8Linear implements Int8LinearKernel {
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
    checkRows(this, x.length, batch);
    const dims = { m: batch, n: this.outFeatures, k: this.inFeatures };
    return matmulInt8Scalar(asInt8(x), this.#weights, dims);
  }

  runFloat(x: Float32Array, batch: number, input: Int8InputQuantization): Int32Array {
    checkFloatRows(this, x, batch);
    checkInputQuantization(this.kernel, input);
    const dims = { m: batch, n: this.outFeatures, k: this.inFeatures };
    return matmulInt8Scalar(quantizeInputScalar(x, input), this.#weights, dims);
  }
}
