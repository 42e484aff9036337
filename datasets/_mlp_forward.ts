/**
 * A plain fp32 forward pass of an MLP given as {@linkcode LayerWeights} (PyTorch layout), used to
 * measure the accuracy recorded in the manifest independently of `@tinytorch/layers`.
 *
 * @module
 */

import type { LayerWeights } from "./layer_weights.ts";

// Separate from @tinytorch/tensor on purpose: it checks the learners' modules with none of them.
/** Logits `[rows, classes]` of `x · Wᵀ + b` layers with ReLU between them. */
export function mlpLogits(
  layers: LayerWeights[],
  images: Float32Array,
  rows: number,
): Float32Array {
  let x = images;
  layers.forEach(({ weight, bias, weightShape: [outF, inF] }, l) => {
    const out = new Float32Array(rows * outF);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < outF; j++) {
        let sum = 0;
        for (let k = 0; k < inF; k++) {
          const a = x[i * inF + k];
          if (a !== 0) sum += a * weight[j * inF + k]; // skipping zeros leaves the sum unchanged
        }
        // Round the dot product to float32 before adding the bias, as @tinytorch/layers' linear()
        // does, so both forward passes agree bit for bit.
        const v = Math.fround(Math.fround(sum) + bias[j]);
        out[i * outF + j] = l < layers.length - 1 && v < 0 ? 0 : v;
      }
    }
    x = out;
  });
  return x;
}
