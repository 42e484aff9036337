import assert from "node:assert/strict";
import { Linear } from "@tinytorch/layers";
import { MinMaxObserver, QuantizedLinear, relativeRmsError } from "@tinytorch/quantization";
import type { Tensor } from "@tinytorch/tensor";
import { mnistFixture } from "./_mnist_fixture.ts";

Deno.test("quantization (MNIST): both forward paths of every layer are within 1% of fp32", async () => {
  const { calibration, test, fp32 } = await mnistFixture();
  let calib: Tensor = calibration;
  let x: Tensor = test.images.slice(0, 256);
  for (const layer of fp32.layers) {
    if (layer instanceof Linear) {
      const inputRange = new MinMaxObserver().observe(calib).range();
      const q = QuantizedLinear.fromLinear(layer, { inputRange });
      const want = layer.forward(x);
      const simulated = relativeRmsError(q.forwardSimulated(x), want);
      const int8 = relativeRmsError(q.forwardInt8(x), want);
      assert.ok(simulated < 0.01, `${q}: simulated path relative RMS error ${simulated}`);
      assert.ok(int8 < 0.01, `${q}: int8 path relative RMS error ${int8}`);
      assert.ok(simulated <= int8, `${q}: the int8 path adds input quantization error`);
    }
    calib = layer.forward(calib);
    x = layer.forward(x);
  }
});
