import assert from "node:assert/strict";
import { NotImplementedError } from "@tinytorch/course";
import { Linear, linear, ReLU } from "@tinytorch/layers";
import { tensor } from "@tinytorch/tensor";
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

/** In a student release the layers are stubs until the learner writes them. */
function layersAreStubs(): boolean {
  try {
    linear(tensor([[1]]), tensor([[1]]));
    return false;
  } catch (error) {
    return error instanceof NotImplementedError;
  }
}

Deno.test({
  name: "datasets: referenceMlp() on @tinytorch/layers scores the manifest's accuracy",
  ignore: layersAreStubs(),
  fn: async () => {
    const manifest = referenceManifest();
    const { test } = await loadMnist({ testSize: manifest.data.testSize });
    const measured = accuracy((await referenceMlp()).forward(test.images), test.labels);
    assert.ok(
      Math.abs(measured - manifest.testAccuracy) <= 1e-9,
      `measured ${measured}, manifest ${manifest.testAccuracy}`,
    );
  },
});
