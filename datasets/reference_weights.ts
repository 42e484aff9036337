/**
 * The committed weights of the reference MLP and their manifest.
 *
 * @module
 */

import manifestJson from "./reference_mlp.json" with { type: "json" };
import type { LayerWeights } from "./layer_weights.ts";
import { readWeightsFile, type WeightsManifest } from "./_weights_file.ts";
import type { TrainHyperParameters } from "./train_reference_mlp.ts";

/** `reference_mlp.json`: what `reference_mlp.bin` holds and how it was made and measured. */
export interface ReferenceManifest extends WeightsManifest {
  /** Layer structure in words. */
  architecture: string;
  /** Where the data came from and the split used. */
  data: { source: string; trainSize: number; testSize: number; splitSeed: number };
  /** Settings of the training run. */
  hyperParameters: TrainHyperParameters;
  /** Test digits classified correctly by a plain fp32 forward pass. */
  testCorrect: number;
  /** `testCorrect / testSize`, measured when the weights were written. */
  testAccuracy: number;
  /** When the weights were written (ISO 8601). */
  date: string;
}

const BIN_URL = new URL("./reference_mlp.bin", import.meta.url);
let cached: Promise<LayerWeights[]> | undefined;

/**
 * The manifest of the committed reference weights (a fresh copy): shapes, byte offsets, SHA-256,
 * seed, hyper-parameters, measured test accuracy and date. Needs no permission.
 *
 * @example
 * ```ts
 * import { referenceManifest } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * assert.ok(referenceManifest().testAccuracy >= 0.94);
 * ```
 *
 * @returns The parsed `reference_mlp.json`.
 */
export function referenceManifest(): ReferenceManifest {
  return structuredClone(manifestJson) as ReferenceManifest;
}

/**
 * The raw fp32 weights of the reference MLP (784→128→ReLU→64→ReLU→10), three layers in order,
 * PyTorch layout (`weight` is `[out, in]`), e.g. to load into your own layers. Reads
 * `reference_mlp.bin` beside this module, so it needs read permission for that file
 * (`--allow-read`), and checks its SHA-256 against the manifest. Each call returns fresh copies.
 *
 * @example
 * ```ts
 * import { referenceWeights } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const layers = await referenceWeights(); // needs --allow-read
 * assert.deepEqual(layers.map((l) => l.weightShape), [[128, 784], [64, 128], [10, 64]]);
 * ```
 *
 * @returns The three layers' weights and biases with their shapes.
 * @throws {Error} Naming the file if it cannot be read or its checksum does not match.
 */
export async function referenceWeights(): Promise<LayerWeights[]> {
  cached ??= readWeightsFile(BIN_URL, referenceManifest());
  let layers: LayerWeights[];
  try {
    layers = await cached;
  } catch (error) {
    cached = undefined;
    throw error;
  }
  return layers.map((l) => ({
    weight: l.weight.slice(),
    bias: l.bias.slice(),
    weightShape: [...l.weightShape],
    biasShape: [...l.biasShape],
  }));
}
