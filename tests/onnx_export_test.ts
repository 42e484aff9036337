/**
 * Small exported models run in ONNX Runtime against the course's forward pass: inputs the layers
 * saturate (beyond the calibrated range, and negative ones for the 7-bit scheme), signed inputs
 * (a zero point, so MatMulInteger's `a_zero_point` and the layer's row sums), per-tensor weights,
 * and the float activations.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  Dropout,
  Flatten,
  GELU,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "@tinytorch/layers";
import { quantizeModel } from "@tinytorch/quantization";
import { exportOnnx } from "@tinytorch/quantization/onnx";
import { Rng, Tensor } from "@tinytorch/tensor";
import { outputAgreement, runOnnxModel } from "@tinytorch/tito/onnx_runtime";

function batch(rows: number, cols: number, seed: number, f: (rng: Rng) => number): Tensor {
  const rng = new Rng(seed);
  return new Tensor(Float32Array.from({ length: rows * cols }, () => f(rng)), [rows, cols]);
}

function mlp(inputs: number): Sequential {
  return new Sequential(
    new Linear(inputs, 17, { seed: 1 }),
    new ReLU(),
    new Linear(17, 9, { seed: 2 }),
    new ReLU(),
    new Linear(9, 4, { seed: 3 }),
  );
}

Deno.test("onnx export: inputs the layers saturate (7-bit [0, 127] above the range and below 0) saturate in the graph too", async () => {
  const calibration = batch(64, 11, 1, (r) => r.uniform(0, 1));
  const { model } = quantizeModel(mlp(11), calibration);
  const x = batch(200, 11, 2, (r) => r.uniform(-2, 6)); // far outside [0, 1]
  const a = outputAgreement(
    await runOnnxModel(exportOnnx(model, { form: "integer" }), x),
    model.forward(x),
  );
  assert.equal(a.identicalValues, a.values, `max difference ${a.maxUlps} ulps`);
  assert.equal(a.samePredictions, 200);
});

for (const perChannel of [true, false]) {
  Deno.test(`onnx export: signed inputs (a zero point) agree bit for bit, ${perChannel ? "per-channel" : "per-tensor"} weights`, async () => {
    const calibration = batch(64, 13, 3, (r) => r.normal(0.3, 1));
    const { model } = quantizeModel(mlp(13), calibration, { perChannel });
    const x = batch(300, 13, 4, (r) => r.normal(0.3, 1.5));
    const want = model.forward(x);
    const integer = outputAgreement(
      await runOnnxModel(exportOnnx(model, { form: "integer" }), x),
      want,
    );
    assert.equal(integer.identicalValues, integer.values, `max difference ${integer.maxUlps} ulps`);
    const qdq = outputAgreement(await runOnnxModel(exportOnnx(model, { form: "qdq" }), x), want);
    assert.equal(qdq.samePredictions, 300);
    assert.ok(qdq.maxAbsDiff < 1e-5, `max difference ${qdq.maxAbsDiff}`);
  });
}

Deno.test("onnx export: Flatten, Sigmoid, Tanh, GELU (both formulas) and Softmax agree within float32 rounding", async () => {
  const model = new Sequential(
    new Flatten(),
    new Linear(12, 8, { seed: 5 }),
    new Sigmoid(),
    new Dropout(0.3),
    new Linear(8, 8, { seed: 6 }),
    new Tanh(),
    new GELU(),
    new Linear(8, 8, { seed: 7 }),
    new GELU({ approximate: "tanh" }),
    new Linear(8, 5, { seed: 8, bias: false }),
    new Softmax(),
  ).eval();
  const rng = new Rng(9);
  const x = new Tensor(Float32Array.from({ length: 40 * 12 }, () => rng.normal(0, 2)), [40, 3, 4]);
  const got = await runOnnxModel(exportOnnx(model, { inputShape: ["N", 3, 4] }), x);
  const a = outputAgreement(got, model.forward(x));
  assert.equal(a.samePredictions, 40);
  assert.ok(a.maxAbsDiff < 1e-6, `max difference ${a.maxAbsDiff}`);
});

Deno.test("onnx export: integer-only models (requantized between layers) agree bit for bit, with and without biases, ReLU or signed hidden inputs", async () => {
  const shapes: [string, () => Sequential, (r: Rng) => number][] = [
    ["biases, ReLU, 7-bit inputs", () => mlp(11), (r) => r.uniform(0, 1)],
    [
      "no biases (QLinearMatMul)",
      () =>
        new Sequential(
          new Linear(11, 9, { seed: 4, bias: false }),
          new ReLU(),
          new Linear(9, 6, { seed: 5, bias: false }),
          new Linear(6, 4, { seed: 6, bias: false }),
          new ReLU(),
        ),
      (r) => r.normal(0, 1),
    ],
    [
      "signed hidden inputs",
      () => new Sequential(new Linear(11, 9, { seed: 7 }), new Linear(9, 4, { seed: 8 })),
      (r) => r.normal(0.5, 1),
    ],
  ];
  for (const [what, build, draw] of shapes) {
    for (const perChannel of [true, false]) {
      const { model } = quantizeModel(build(), batch(64, 11, 10, draw), {
        integerOnly: true,
        perChannel,
      });
      const x = batch(200, 11, 11, (r) => 1.5 * draw(r)); // beyond the calibrated ranges too
      const bytes = exportOnnx(model, { form: "integer" });
      const a = outputAgreement(await runOnnxModel(bytes, x), model.forward(x));
      assert.equal(
        a.identicalValues,
        a.values,
        `${what}, per-channel ${perChannel}: ${a.maxUlps} ulps`,
      );
      if (what.includes("QLinearMatMul")) {
        const text = new TextDecoder().decode(bytes);
        assert.match(text, /QLinearMatMul/);
      }
    }
  }
});
