/**
 * The reference MLP as `@tinytorch/layers` objects.
 *
 * @module
 */

import { Linear, ReLU, Sequential } from "@tinytorch/layers";
import { referenceWeights } from "./reference_weights.ts";

/**
 * The trained reference MLP, `Sequential(Linear(784, 128), ReLU, Linear(128, 64), ReLU,
 * Linear(64, 10))` from `@tinytorch/layers`, with the committed fp32 weights copied into each
 * Linear's `weight` and `bias`. Its accuracy on the default MNIST test split is
 * `referenceManifest().testAccuracy` (measured, not assumed: a test checks it). Reads
 * `reference_mlp.bin`, so it needs `--allow-read`; the SHA-256 is checked against the manifest.
 *
 * @example
 * ```ts
 * import { accuracy, loadMnist, referenceManifest, referenceMlp } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const model = await referenceMlp(); // needs --allow-read
 * const { test } = await loadMnist();
 * const measured = accuracy(model.forward(test.images), test.labels);
 * assert.equal(measured, referenceManifest().testAccuracy);
 * ```
 *
 * @returns A fresh model (its tensors are not shared with other calls).
 * @throws {Error} Naming the file if it cannot be read or its checksum does not match.
 */
export async function referenceMlp(): Promise<Sequential> {
  const linears = (await referenceWeights()).map(({ weight, bias, weightShape: [out, inF] }) => {
    // A fixed seed: the random initialisation is overwritten, and the default generator is left
    // untouched.
    const layer = new Linear(inF, out, { seed: 0 });
    layer.weight.data.set(weight);
    layer.bias!.data.set(bias);
    return layer;
  });
  return new Sequential(linears[0], new ReLU(), linears[1], new ReLU(), linears[2]);
}
