/**
 * Encoding of MLP weights as `reference_mlp.bin` (float32 little-endian, layers in order: W1, b1,
 * W2, b2, W3, b3) and the manifest that describes it.
 *
 * @module
 */

import type { LayerWeights } from "./layer_weights.ts";

/** One array stored in the `.bin` file. */
export interface ManifestTensor {
  /** e.g. `layers.0.weight`. */
  name: string;
  /** e.g. `[128, 784]`. */
  shape: number[];
  /** Offset of the first byte in the `.bin` file. */
  byteOffset: number;
  /** Bytes occupied (4 per float32). */
  byteLength: number;
}

/** Contents of `reference_mlp.json`. */
export interface WeightsManifest {
  /** Name of the `.bin` file, beside the manifest. */
  file: string;
  /** The byte layout in words. */
  format: string;
  /** Size of the `.bin` file in bytes. */
  byteLength: number;
  /** Lower-case hex SHA-256 of the `.bin` file. */
  sha256: string;
  /** The stored arrays in file order. */
  tensors: ManifestTensor[];
  /** Anything else recorded (data, hyper-parameters, measurements). */
  [key: string]: unknown;
}

/** The arrays of `layers` in file order with their names, shapes and byte offsets. */
export function manifestTensors(layers: LayerWeights[]): ManifestTensor[] {
  const tensors: ManifestTensor[] = [];
  let byteOffset = 0;
  layers.forEach((layer, l) => {
    for (
      const [part, shape] of [["weight", layer.weightShape], ["bias", layer.biasShape]] as const
    ) {
      const byteLength = 4 * shape.reduce((a, b) => a * b, 1);
      tensors.push({ name: `layers.${l}.${part}`, shape: [...shape], byteOffset, byteLength });
      byteOffset += byteLength;
    }
  });
  return tensors;
}

/** Serialises `layers` as little-endian float32 in file order. */
export function encodeWeights(layers: LayerWeights[]): Uint8Array {
  const arrays = layers.flatMap((layer) => [layer.weight, layer.bias]);
  const bytes = new Uint8Array(arrays.reduce((n, a) => n + 4 * a.length, 0));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const array of arrays) {
    for (const value of array) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}

/** Reads the layers described by `manifest.tensors` (weight/bias pairs) back from `bytes`. */
export function decodeWeights(bytes: Uint8Array, manifest: WeightsManifest): LayerWeights[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = ({ byteOffset, byteLength }: ManifestTensor) =>
    Float32Array.from(
      { length: byteLength / 4 },
      (_, i) => view.getFloat32(byteOffset + 4 * i, true),
    );
  const layers: LayerWeights[] = [];
  for (let t = 0; t + 1 < manifest.tensors.length; t += 2) {
    const [weight, bias] = [manifest.tensors[t], manifest.tensors[t + 1]];
    layers.push({
      weight: read(weight),
      bias: read(bias),
      weightShape: [weight.shape[0], weight.shape[1]],
      biasShape: [bias.shape[0]],
    });
  }
  return layers;
}

/** Lower-case hex SHA-256 of `bytes`. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Reads a weights file, checks its length and SHA-256 against `manifest`, and decodes it.
 *
 * @throws {Error} Naming the file when it cannot be read (e.g. without `--allow-read`) or does not
 *   match the manifest.
 */
export async function readWeightsFile(
  url: URL,
  manifest: WeightsManifest,
): Promise<LayerWeights[]> {
  const path = url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href;
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(url);
  } catch (error) {
    const denied = error instanceof Deno.errors.NotCapable ||
      error instanceof Deno.errors.PermissionDenied;
    const hint = denied ? `: run with --allow-read (or --allow-read=${path})` : "";
    throw new Error(`Cannot read the weights file ${path}${hint}`, { cause: error });
  }
  const sha256 = await sha256Hex(bytes);
  if (bytes.byteLength !== manifest.byteLength || sha256 !== manifest.sha256) {
    throw new Error(
      `Weights file ${path} does not match its manifest: ${bytes.byteLength} bytes with sha256 ` +
        `${sha256}, expected ${manifest.byteLength} bytes with sha256 ${manifest.sha256} ` +
        `(restore it from git or retrain with deno task train:reference)`,
    );
  }
  return decodeWeights(bytes, manifest);
}
