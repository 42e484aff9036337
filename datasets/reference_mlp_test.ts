import assert from "node:assert/strict";
import { Linear, ReLU } from "@tinytorch/layers";
import { referenceMlp } from "./reference_mlp.ts";
import { referenceManifest, referenceWeights } from "./reference_weights.ts";
import { loadMnist } from "./load_mnist.ts";
import { accuracy } from "./accuracy.ts";

Deno.test("datasets: referenceMlp() is Linear, ReLU, Linear, ReLU, Linear with the weights", async () => {
  const model = await referenceMlp();
  const kinds = model.layers.map((l) => l instanceof Linear ? "Linear" : l instanceof ReLU);
  assert.deepEqual(kinds, ["Linear", true, "Linear", true, "Linear"]);
  const weights = await referenceWeights();
  const linears = model.layers.filter((l) => l instanceof Linear);
  linears.forEach((layer, i) => {
    assert.deepEqual(layer.weight.shape, weights[i].weightShape);
    assert.deepEqual(layer.weight.data, weights[i].weight);
    assert.deepEqual(layer.bias?.data, weights[i].bias);
  });
});

Deno.test("datasets: referenceMlp() scores the manifest's accuracy (>= 0.94) on the test split", async () => {
  const manifest = referenceManifest();
  const { test } = await loadMnist({ testSize: manifest.data.testSize });
  const measured = accuracy((await referenceMlp()).forward(test.images), test.labels);
  assert.ok(measured >= 0.94, `measured accuracy ${measured}`);
  assert.ok(
    Math.abs(measured - manifest.testAccuracy) <= 1e-9,
    `measured ${measured}, manifest ${manifest.testAccuracy}`,
  );
});
