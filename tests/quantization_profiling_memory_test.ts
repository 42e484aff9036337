import assert from "node:assert/strict";
import { countParameters, measureMemory } from "@tinytorch/profiling";
import { quantizeModel } from "@tinytorch/quantization";
import { mnistFixture } from "./_mnist_fixture.ts";

Deno.test("quantization (MNIST): measureMemory sees about a quarter of the parameter bytes", async () => {
  const { calibration, test, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration);
  const x = test.images.slice(0, 32);
  const before = await measureMemory(fp32, x);
  const after = await measureMemory(model, x);
  assert.equal(before.parameterBytes, 437_544);
  assert.equal(after.parameterBytes, 109_184 + 202 * 12);
  const ratio = before.parameterBytes / after.parameterBytes;
  assert.ok(ratio >= 3.85 && ratio < 4, `parameter bytes ratio ${ratio}`);
  assert.equal(after.activationBytes, before.activationBytes, "activations stay float32");
  assert.equal(countParameters(model), countParameters(fp32));
});
