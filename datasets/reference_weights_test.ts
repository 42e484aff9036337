import assert from "node:assert/strict";
import { referenceManifest, referenceWeights } from "./reference_weights.ts";
import { readWeightsFile, sha256Hex } from "./_weights_file.ts";
import { loadMnistArrays } from "./load_mnist_arrays.ts";
import { mlpLogits } from "./_mlp_forward.ts";
import { argmax } from "./_mlp_math.ts";

const BIN = new URL("./reference_mlp.bin", import.meta.url);

Deno.test("datasets: reference_mlp.bin matches its manifest's length and sha256", async () => {
  const manifest = referenceManifest();
  const bytes = await Deno.readFile(BIN);
  assert.equal(bytes.byteLength, manifest.byteLength);
  assert.equal(await sha256Hex(bytes), manifest.sha256);
  const last = manifest.tensors.at(-1)!;
  assert.equal(last.byteOffset + last.byteLength, manifest.byteLength);
});

Deno.test("datasets: referenceWeights() returns three layers in PyTorch layout", async () => {
  const layers = await referenceWeights();
  assert.deepEqual(layers.map((l) => [l.weightShape, l.biasShape]), [
    [[128, 784], [128]],
    [[64, 128], [64]],
    [[10, 64], [10]],
  ]);
  for (const l of layers) {
    assert.equal(l.weight.length, l.weightShape[0] * l.weightShape[1]);
    assert.ok(l.weight.every(Number.isFinite) && l.bias.every(Number.isFinite));
  }
  layers[0].weight[0] = 1e9;
  assert.notEqual((await referenceWeights())[0].weight[0], 1e9, "each call returns fresh copies");
});

Deno.test("datasets: a corrupted or missing weights file is refused, naming the file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bytes = await Deno.readFile(BIN);
    bytes[1000] ^= 1;
    const corrupt = new URL(`file://${dir}/corrupt.bin`);
    await Deno.writeFile(corrupt, bytes);
    await assert.rejects(
      readWeightsFile(corrupt, referenceManifest()),
      (e: Error) => e.message.includes(`${dir}/corrupt.bin`) && /sha256/.test(e.message),
    );
    await assert.rejects(
      readWeightsFile(new URL(`file://${dir}/missing.bin`), referenceManifest()),
      (e: Error) => e.message.includes(`${dir}/missing.bin`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("datasets: the manifest's test accuracy is measured again (>= 0.94)", async () => {
  const manifest = referenceManifest();
  const { test } = await loadMnistArrays({ testSize: manifest.data.testSize });
  const logits = mlpLogits(await referenceWeights(), test.images, test.size);
  let correct = 0;
  for (let i = 0; i < test.size; i++) if (argmax(logits, i * 10, 10) === test.labels[i]) correct++;
  assert.equal(correct, manifest.testCorrect);
  assert.ok(Math.abs(correct / test.size - manifest.testAccuracy) < 1e-9);
  assert.ok(manifest.testAccuracy >= 0.94, `accuracy ${manifest.testAccuracy}`);
});
