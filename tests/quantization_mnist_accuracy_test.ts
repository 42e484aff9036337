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

Deno.test("quantization (MNIST): the integer-only MLP keeps the int8 MLP's predictions", async () => {
  const { calibration, test, fp32 } = await mnistFixture();
  const int8 = quantizeModel(fp32, calibration).model.forward(test.images);
  const integerOnly = quantizeModel(fp32, calibration, { integerOnly: true }).model
    .forward(test.images);
  const base = accuracy(fp32.forward(test.images), test.labels);
  const got = accuracy(integerOnly, test.labels);
  assert.ok(base - got <= 0.005, `fp32 ${base}, integer-only ${got}`);
  // Requantizing between layers rounds each hidden activation once more than the int8 path,
  // which dequantizes to float32 and lets the next layer quantize: predictions may differ on a
  // few digits, not more.
  const same = agreement(int8.data, integerOnly.data, 10);
  assert.ok(same >= 0.995, `${same * 2000} of 2000 predictions agree`);
});

function agreement(a: ArrayLike<number>, b: ArrayLike<number>, classes: number): number {
  const argmax = (d: ArrayLike<number>, row: number) => {
    let best = 0;
    for (let j = 1; j < classes; j++) if (d[row * classes + j] > d[row * classes + best]) best = j;
    return best;
  };
  const rows = a.length / classes;
  let same = 0;
  for (let r = 0; r < rows; r++) if (argmax(a, r) === argmax(b, r)) same++;
  return same / rows;
}

Deno.test("quantization (MNIST): 4-bit weights are stored two per byte: 7.67x fewer bytes", async () => {
  const { calibration, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration, { bits: 4 });
  const sizes = compareModelSizes(fp32, model);
  // 109,184 weights in half a byte each, 202 rows with a float32 scale, an int32 zero point and
  // an int32 bias each
  assert.equal(sizes.quantizedBytes, 109_184 / 2 + 202 * 8 + 202 * 4);
});
