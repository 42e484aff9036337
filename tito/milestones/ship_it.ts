/**
 * Milestone 07, Ship it (2019, the year ONNX's quantization operators and ONNX Runtime 1.0
 * came out): YOUR quantized MNIST MLP leaves the course. The reference weights in YOUR layers,
 * quantized by YOUR `quantizeModel` (calibrated on 500 training digits), are exported to ONNX
 * (`exportOnnx`, given) and run in ONNX Runtime on the 2000 test digits. It passes when ONNX
 * Runtime predicts what YOUR forward pass predicts on every digit and the int8 file is at least
 * the registry's ratio smaller than the same model exported in float32.
 *
 * The shipped file is the QDQ form (what production tools exchange); the run also runs the
 * integer form, whose graph rescales exactly as `int8LinearForward` does, and reports whether its
 * logits are bit-identical to yours (a measurement, not a pass mark).
 *
 * @module
 */
import { accuracy, loadMnist } from "@tinytorch/datasets";
import { quantizeModel } from "@tinytorch/quantization";
import { exportOnnx } from "@tinytorch/quantization/onnx";
import { ONNX_RUNTIME_VERSION, outputAgreement, runOnnxModel } from "../onnx_runtime.ts";
import { firstRows, referenceModel } from "./reference_model.ts";
import {
  type MilestoneCheck,
  type MilestoneContext,
  type MilestoneOutcome,
  oneLine,
  percent,
  threshold,
} from "./runner.ts";

/** Training digits that calibrate the activation ranges (as in milestone 06). */
export const CALIBRATION_DIGITS = 500;
/** Where the shipped file goes, relative to the project root. */
export const SHIPPED_FILE = "reports/milestone_07_int8.onnx";

/** What the run measures. */
export interface ShipItMeasurements {
  /** Test digits run. */
  readonly testDigits: number;
  /** Digits on which ONNX Runtime's prediction (QDQ file) is your forward pass's. */
  readonly samePredictions: number;
  /** Bytes of the float32 export. */
  readonly fp32FileBytes: number;
  /** Bytes of the int8 export (QDQ form). */
  readonly int8FileBytes: number;
  /** `fp32FileBytes / int8FileBytes`. */
  readonly fileRatio: number;
}

const n = (x: number) => x.toLocaleString("en-US");

/**
 * The milestone's checks: every prediction the same, and the file ratio.
 *
 * @param m The measurements.
 * @param thresholds The registry's pass marks: `minSamePredictions` (a fraction of the digits)
 * and `minFileRatio`.
 * @returns The checks.
 * @throws {RangeError} If the registry lacks a threshold.
 */
export function shipItChecks(
  m: ShipItMeasurements,
  thresholds: Readonly<Record<string, number>>,
): MilestoneCheck[] {
  const context = { thresholds } as MilestoneContext;
  const same = threshold(context, "minSamePredictions");
  const ratio = threshold(context, "minFileRatio");
  const wantedSame = Math.ceil(same * m.testDigits);
  return [
    {
      name: "same predictions in ONNX Runtime",
      measured: `${n(m.samePredictions)}/${n(m.testDigits)} digits`,
      wanted: same === 1 ? "every digit" : `≥ ${n(wantedSame)}/${n(m.testDigits)}`,
      ok: m.samePredictions >= wantedSame,
    },
    {
      name: "file size vs float32 export",
      measured: `${m.fileRatio.toFixed(2)}× (${n(m.fp32FileBytes)} → ${n(m.int8FileBytes)} B)`,
      wanted: `≥ ${ratio}×`,
      ok: m.fileRatio >= ratio,
    },
  ];
}

/**
 * Quantizes, exports, runs in ONNX Runtime and judges.
 *
 * @param context The run's context.
 * @returns The outcome; writes {@linkcode SHIPPED_FILE}.
 */
export async function run(context: MilestoneContext): Promise<MilestoneOutcome> {
  const { log } = context;
  const { train, test } = await loadMnist();
  const fp32 = (await referenceModel()).eval();
  log(`Model: ${oneLine(fp32)}`);
  log(`1. Quantize (your quantizeModel, calibrated on ${CALIBRATION_DIGITS} training digits)`);
  const { model: int8 } = quantizeModel(fp32, firstRows(train.images, CALIBRATION_DIGITS), {
    onProgress: context.progress("quantizing"),
  });
  log(`   ${oneLine(int8)}`);

  log("2. Export to ONNX (exportOnnx: IR 10, opset 21)");
  const float = exportOnnx(fp32);
  const qdq = exportOnnx(int8, { form: "qdq" });
  const integer = exportOnnx(int8, { form: "integer" });
  await Deno.mkdir(`${context.root}/reports`, { recursive: true });
  await Deno.writeFile(`${context.root}/${SHIPPED_FILE}`, qdq);
  log(`   float32 ${n(float.length)} B, int8 QDQ ${n(qdq.length)} B (written to ${SHIPPED_FILE})`);

  log(
    `3. Run it in ONNX Runtime ${ONNX_RUNTIME_VERSION} (Wasm) on ${test.labels.size} test digits`,
  );
  const yours = int8.forward(test.images);
  const shipped = await runOnnxModel(qdq, test.images);
  const a = outputAgreement(shipped, yours);
  const exact = outputAgreement(await runOnnxModel(integer, test.images), yours);
  const yourAccuracy = accuracy(yours, test.labels);
  const ortAccuracy = accuracy(shipped, test.labels);
  log(`   accuracy: your forward ${percent(yourAccuracy)}, ONNX Runtime ${percent(ortAccuracy)}`);
  log(`   QDQ file: largest logit difference ${a.maxAbsDiff.toExponential(2)} (float32 rounding)`);
  log(
    `   integer form (MatMulInteger, your rescale): ${
      exact.identicalValues === exact.values
        ? "logits bit-identical to yours"
        : `${n(exact.identicalValues)}/${n(exact.values)} logits bit-identical`
    }`,
  );

  const m: ShipItMeasurements = {
    testDigits: a.rows,
    samePredictions: a.samePredictions,
    fp32FileBytes: float.length,
    int8FileBytes: qdq.length,
    fileRatio: float.length / qdq.length,
  };
  const checks = shipItChecks(m, context.thresholds);
  return {
    passed: checks.every((c) => c.ok),
    checks,
    measurements: {
      ...m,
      integerFileBytes: integer.length,
      integerLogitsBitIdentical: exact.identicalValues === exact.values,
      maxLogitDifference: a.maxAbsDiff,
      int8Accuracy: yourAccuracy,
      onnxRuntimeAccuracy: ortAccuracy,
      onnxRuntime: ONNX_RUNTIME_VERSION,
    },
    report: SHIPPED_FILE,
  };
}
