import type { Layer } from "@tinytorch/layers";

/** Two models' stored bytes, side by side. */
export interface ModelSizeComparison {
  /** Bytes the first model stores. */
  readonly originalBytes: number;
  /** Bytes the second model stores. */
  readonly quantizedBytes: number;
  /** `originalBytes / quantizedBytes`. */
  readonly ratio: number;
  /** `originalBytes − quantizedBytes`. */
  readonly savedBytes: number;
  /** Values stored by the first model (parameter sizes). */
  readonly originalParameters: number;
  /** Values stored by the second model. */
  readonly quantizedParameters: number;
}

interface Sized {
  parameters(): readonly { size: number; nbytes: number }[];
  memoryUsage?(): { quantizedBytes: number };
  layers?: readonly unknown[];
}

function storedBytes(model: Sized): number {
  if (model.layers) return model.layers.reduce((n: number, l) => n + storedBytes(l as Sized), 0);
  if (typeof model.memoryUsage === "function") return model.memoryUsage().quantizedBytes;
  return model.parameters().reduce((n, p) => n + p.nbytes, 0);
}

function count(model: Sized): number {
  return model.parameters().reduce((n, p) => n + p.size, 0);
}

/**
 * Compares two models by the bytes they really store (typed arrays' `byteLength`: int8 values,
 * float32 scales, int32 zero points, biases and row sums), not by parameter counts times 4.
 *
 * @example Usage
 * ```ts
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import { compareModelSizes, quantizeModel } from "@tinytorch/quantization";
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const fp32 = new Sequential(
 *   new Linear(64, 32, { seed: 1 }), new ReLU(), new Linear(32, 10, { seed: 2 }),
 * );
 * const { model } = quantizeModel(fp32, rand([16, 64], { seed: 3 }));
 * const sizes = compareModelSizes(fp32, model);
 * assert.equal(sizes.originalBytes, 9640); // (64·32 + 32 + 32·10 + 10) · 4
 * // 2368 int8 weights + 42 output rows · (float32 scale + int32 zero point + int32 bias):
 * assert.equal(sizes.quantizedBytes, 2872);
 * assert.equal(sizes.ratio.toFixed(2), "3.36"); // under 4: small layers pay more per row
 * ```
 *
 * @param original A model with `parameters()` (a Layer or Sequential).
 * @param quantized Another model.
 * @returns Both byte totals and their ratio.
 * @throws {TypeError} If either has no `parameters()`.
 */
export function compareModelSizes(original: Layer, quantized: Layer): ModelSizeComparison {
  for (const m of [original, quantized]) {
    if (typeof (m as Partial<Sized>)?.parameters !== "function") {
      throw new TypeError(`Cannot measure ${String(m)}: expected a model with parameters()`);
    }
  }
  const a = original as unknown as Sized;
  const b = quantized as unknown as Sized;
  const originalBytes = storedBytes(a);
  const quantizedBytes = storedBytes(b);
  return {
    originalBytes,
    quantizedBytes,
    ratio: originalBytes / quantizedBytes,
    savedBytes: originalBytes - quantizedBytes,
    originalParameters: count(a),
    quantizedParameters: count(b),
  };
}
