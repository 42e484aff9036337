/**
 * The quantized reference MLP exported to ONNX and run in ONNX Runtime (onnxruntime-web, Wasm)
 * on all 2,000 test digits, against the course's own forward pass: the integer form, whose graph
 * rescales as the layer does (Cast to double, Mul, Cast to float), gives bit-identical logits;
 * the QDQ form and the float32 export compute in float32 in ONNX Runtime (see the lesson,
 * "Production reality") and agree within float32 rounding, with the same predictions.
 *
 * @module
 */
import assert from "node:assert/strict";
import { quantizeModel } from "@tinytorch/quantization";
import { exportOnnx, type OnnxExportForm } from "@tinytorch/quantization/onnx";
import type { Sequential } from "@tinytorch/layers";
import { outputAgreement, runOnnxModel } from "@tinytorch/tito/onnx_runtime";
import { mnistFixture } from "./_mnist_fixture.ts";

/** The float tolerance of the float forms: |Δ| ≤ 1e-5 · max(1, |logit|). */
const FLOAT_TOLERANCE = 1e-5;

async function agreement(model: Sequential, form?: OnnxExportForm) {
  const { test } = await mnistFixture();
  const bytes = exportOnnx(model, form ? { form } : {});
  const got = await runOnnxModel(bytes, test.images);
  const want = model.forward(test.images);
  let worst = 0;
  for (let i = 0; i < want.size; i++) {
    worst = Math.max(
      worst,
      Math.abs(got.data[i] - want.data[i]) / Math.max(1, Math.abs(want.data[i])),
    );
  }
  return { bytes, worst, ...outputAgreement(got, want) };
}

for (const bits of [8, 4]) {
  Deno.test(`onnx (MNIST): the int${bits} MLP's integer form gives bit-identical logits on 2,000 digits`, async () => {
    const { calibration, fp32 } = await mnistFixture();
    const { model } = quantizeModel(fp32, calibration, { bits });
    const a = await agreement(model, "integer");
    assert.equal(a.rows, 2000);
    assert.equal(a.samePredictions, 2000);
    assert.equal(a.identicalValues, 20000, `max difference ${a.maxUlps} ulps`);
  });

  Deno.test(`onnx (MNIST): the int${bits} MLP's QDQ form agrees within float32 rounding on 2,000 digits`, async () => {
    const { calibration, fp32 } = await mnistFixture();
    const { model } = quantizeModel(fp32, calibration, { bits });
    const a = await agreement(model, "qdq");
    assert.equal(a.samePredictions, 2000);
    assert.ok(a.worst <= FLOAT_TOLERANCE, `relative difference ${a.worst}`);
  });
}

Deno.test("onnx (MNIST): the per-tensor int8 MLP agrees in both forms", async () => {
  const { calibration, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration, { perChannel: false });
  const integer = await agreement(model, "integer");
  assert.equal(integer.identicalValues, 20000, `max difference ${integer.maxUlps} ulps`);
  const qdq = await agreement(model, "qdq");
  assert.equal(qdq.samePredictions, 2000);
  assert.ok(qdq.worst <= FLOAT_TOLERANCE, `relative difference ${qdq.worst}`);
});

Deno.test("onnx (MNIST): the float32 MLP exports as MatMul/Add/Relu and agrees with Linear's forward", async () => {
  const { fp32 } = await mnistFixture();
  const a = await agreement(fp32);
  assert.equal(a.samePredictions, 2000);
  assert.ok(a.worst <= FLOAT_TOLERANCE, `relative difference ${a.worst}`);
});

Deno.test("onnx (MNIST): the int8 files are at least 3.8x smaller than the float32 file", async () => {
  const { calibration, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration);
  const float = exportOnnx(fp32).length;
  for (const form of ["qdq", "integer"] as const) {
    const ratio = float / exportOnnx(model, { form }).length;
    assert.ok(ratio >= 3.8, `${form}: ${ratio}`);
  }
  const { model: int4 } = quantizeModel(fp32, calibration, { bits: 4 });
  assert.ok(float / exportOnnx(int4, { form: "qdq" }).length >= 7, "int4 weights are packed");
});

Deno.test("onnx (MNIST): the integer-only MLP (int8 between layers) exports bit-identical on 2,000 digits", async () => {
  const { calibration, fp32 } = await mnistFixture();
  const { model } = quantizeModel(fp32, calibration, { integerOnly: true });
  const integer = await agreement(model, "integer");
  assert.equal(integer.identicalValues, 20000, `max difference ${integer.maxUlps} ulps`);
  const qdq = await agreement(model, "qdq");
  assert.equal(qdq.samePredictions, 2000);
  assert.ok(qdq.worst <= FLOAT_TOLERANCE, `relative difference ${qdq.worst}`);
});
