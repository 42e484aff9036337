import type { Int8InputQuantization, Int8LinearKernel } from "./int8_linear_kernel.ts";
import {
  asInt8,
  checkFloatRows,
  checkInputQuantization,
  checkRows,
  nonFiniteError,
} from "./input_checks.ts";
import { matmulInt8Scalar } from "./matmul_int8_scalar.ts";
import { roundHalfToEven } from "../round_half_to_even.ts";

/**
 * Quantizes float inputs one by one: `clamp(roundHalfToEven(x / scale) + zeroPoint, qmin, qmax)` in
 * float64 (the arguments are checked already), with the learner's own rounding (task
 * quantization.1): the scalar path is the readable one. Throws at the first non-finite value.
 */
export function quantizeInputScalar(x: Float32Array, input: Int8InputQuantization): Int8Array {
  const { scale, zeroPoint, qmin, qmax } = input;
  const xq = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw nonFiniteError(x, i);
    const v = roundHalfToEven(x[i] / scale) + zeroPoint;
    xq[i] = v < qmin ? qmin : v > qmax ? qmax : v;
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
