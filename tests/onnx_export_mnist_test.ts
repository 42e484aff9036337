/**
 * The quantized reference MLP exported to ONNX and run in ONNX Runtime (onnxruntime-web, Wasm)
 * on all 2,000 test digits, against the course's own forward pass of the same model: the integer
 * form, whose graph rescales as the layer does (Cast to double, Mul, Cast to float), gives
 * bit-identical logits, for the int8, 4-bit, per-tensor and integer-only MLPs; the QDQ form and
 * the float32 export compute in float32 in ONNX Runtime (the lesson, "Production reality", says
 * why) and agree within float32 rounding, with the same predictions. The lesson's table is
 * checked against these runs.
 *
 * @module
 */
import assert from "node:assert/strict";
import { quantizeModel, type QuantizeModelOptions } from "@tinytorch/quantization";
import { exportOnnx, type OnnxExportForm } from "@tinytorch/quantization/onnx";
import type { Sequential } from "@tinytorch/layers";
import { type OutputAgreement, outputAgreement, runOnnxModel } from "@tinytorch/tito/onnx_runtime";
import { mnistFixture } from "./_mnist_fixture.ts";

/** The float tolerance of the float forms: |Δ| ≤ 1e-5 · max(1, |logit|). */
const FLOAT_TOLERANCE = 1e-5;

const RECIPES: Readonly<Record<string, QuantizeModelOptions | null>> = {
  float32: null,
  int8: {},
  "per-tensor int8": { perChannel: false },
  "4-bit": { bits: 4 },
  "integer-only": { integerOnly: true },
};

const models = new Map<string, Promise<Sequential>>();
function model(recipe: string): Promise<Sequential> {
  if (!models.has(recipe)) {
    models.set(
      recipe,
      mnistFixture().then(({ calibration, fp32 }) => {
        const options = RECIPES[recipe];
        return options ? quantizeModel(fp32, calibration, options).model : fp32;
      }),
    );
  }
  return models.get(recipe)!;
}

interface Run extends OutputAgreement {
  readonly bytes: number;
  /** The largest |Δ| / max(1, |logit|). */
  readonly worst: number;
}

const runs = new Map<string, Promise<Run>>();
/** Exports a recipe's model, runs it in ONNX Runtime on the test digits, compares (once each). */
function run(recipe: string, form?: OnnxExportForm): Promise<Run> {
  const key = `${recipe}/${form ?? "float"}`;
  if (!runs.has(key)) {
    runs.set(
      key,
      (async () => {
        const [m, { test }] = await Promise.all([model(recipe), mnistFixture()]);
        const bytes = exportOnnx(m, form ? { form } : {});
        const got = await runOnnxModel(bytes, test.images);
        const want = m.forward(test.images);
        let worst = 0;
        for (let i = 0; i < want.size; i++) {
          const d = Math.abs(got.data[i] - want.data[i]) / Math.max(1, Math.abs(want.data[i]));
          worst = Math.max(worst, d);
        }
        return { bytes: bytes.length, worst, ...outputAgreement(got, want) };
      })(),
    );
  }
  return runs.get(key)!;
}

for (const recipe of ["int8", "per-tensor int8", "4-bit", "integer-only"]) {
  Deno.test(`onnx (MNIST): the ${recipe} MLP's integer form gives bit-identical logits on 2,000 digits`, async () => {
    const a = await run(recipe, "integer");
    assert.equal(a.rows, 2000);
    assert.equal(a.samePredictions, 2000);
    assert.equal(a.identicalValues, 20000, `max difference ${a.maxUlps} ulps`);
  });

  Deno.test(`onnx (MNIST): the ${recipe} MLP's QDQ form agrees within float32 rounding on 2,000 digits`, async () => {
    const a = await run(recipe, "qdq");
    assert.equal(a.samePredictions, 2000);
    assert.ok(a.worst <= FLOAT_TOLERANCE, `relative difference ${a.worst}`);
  });
}

Deno.test("onnx (MNIST): the float32 MLP exports as MatMul/Add/Relu and agrees with Linear's forward", async () => {
  const a = await run("float32");
  assert.equal(a.samePredictions, 2000);
  assert.ok(a.worst <= FLOAT_TOLERANCE, `relative difference ${a.worst}`);
});

Deno.test("onnx (MNIST): the int8 files are at least 3.8x smaller than the float32 file, the 4-bit ones 7x", async () => {
  const float = (await run("float32")).bytes;
  for (const form of ["qdq", "integer"] as const) {
    assert.ok(float / (await run("int8", form)).bytes >= 3.8, form);
    assert.ok(float / (await run("4-bit", form)).bytes >= 7, `4-bit ${form}`);
  }
});

Deno.test("onnx (MNIST): the lesson's Production reality table is what ONNX Runtime gives", async () => {
  const lesson = await Deno.readTextFile(
    new URL("../modules/quantization/README.md", import.meta.url),
  );
  const n = (x: number) => x.toLocaleString("en-US");
  const float = (await run("float32")).bytes;
  const rows: [string, string, OnnxExportForm?][] = [
    ["float32: MatMul, Add, Relu", "float32"],
    ["int8, QDQ (`reports/mnist_int8.onnx`)", "int8", "qdq"],
    ["int8, integer", "int8", "integer"],
    ["int8 integer-only, integer", "integer-only", "integer"],
    ["4-bit weights (int4), QDQ", "4-bit", "qdq"],
    ["4-bit weights (int4), integer", "4-bit", "integer"],
  ];
  for (const [label, recipe, form] of rows) {
    const a = await run(recipe, form);
    const ratio = form ? `${(float / a.bytes).toFixed(2)}×` : "";
    const logits = a.identicalValues === a.values
      ? "bit-identical"
      : `max difference ${a.maxAbsDiff.toExponential(1)}, ${n(a.withinOneUlp)} within 1 ulp`;
    const cells = [label, n(a.bytes), ratio, `${n(a.samePredictions)}/${n(a.rows)}`, logits];
    const pattern = new RegExp(
      `^\\| ${cells.map((c) => c.replace(/[.*+?^${}()|[\]\\`]/g, "\\$&")).join(" +\\| +")} +\\|$`,
      "m",
    );
    assert.match(lesson, pattern, label);
  }
});
