import assert from "node:assert/strict";
import { accuracy } from "@tinytorch/datasets";
import { compareModelSizes, quantizeModel } from "@tinytorch/quantization";
import { mnistFixture } from "./_mnist_fixture.ts";

for (const perChannel of [true, false]) {
  for (const observer of ["minmax", "percentile"] as const) {
    const how = `${perChannel ? "per-channel" : "per-tensor"} ${observer}`;
    Deno.test(`quantization (MNIST): the ${how} int8 MLP loses at most 0.5 points`, async () => {
      const { calibration, test, fp32 } = await mnistFixture();
      const base = accuracy(fp32.forward(test.images), test.labels);
      const { model } = quantizeModel(fp32, calibration, { perChannel, observer });
      const int8 = accuracy(model.forward(test.images), test.labels);
      assert.ok(base >= 0.94, `fp32 accuracy ${base}`);
      assert.ok(
        base - int8 <= 0.005,
        `fp32 ${base}, int8 ${int8}: drop ${(base - int8) * 100} points`,
      );
    });
  }
}

Deno.test("quantization (MNIST): the int8 MLP stores at least 3.85x fewer bytes", async () => {
  const { calibration, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration);
  const sizes = compareModelSizes(fp32, model);
  assert.equal(sizes.originalBytes, 109_386 * 4);
  // int8 weights + per-row float32 scales and int32 zero points + int32 biases (no row sums:
  // every layer's input is non-negative, so the zero point is 0)
  assert.equal(sizes.quantizedBytes, 109_184 + 202 * 8 + 202 * 4);
  assert.ok(sizes.ratio >= 3.85, `ratio ${sizes.ratio}`);
});
