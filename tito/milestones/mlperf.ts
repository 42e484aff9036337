/**
 * Milestone 06, MLPerf (2018): measure, then optimise. YOUR profiler profiles the MNIST MLP
 * (reference weights in YOUR layers), YOUR `quantizeModel` quantizes it to int8 (calibrated on
 * 500 training digits), and the run checks from its own measurements that the int8 model loses
 * at most the registry's accuracy drop on the 2000 test digits, stores ≥ the size ratio fewer
 * bytes, and that its integer path beats its simulated path in one tinybench run.
 *
 * @module
 */
import { accuracy, loadMnist } from "@tinytorch/datasets";
import type { Layer, Sequential } from "@tinytorch/layers";
import { countParameters, profileModel, VERDICT_TEXT } from "@tinytorch/profiling";
import { compareModelSizes, quantizeModel } from "@tinytorch/quantization";
import type { Tensor } from "@tinytorch/tensor";
import { Bench } from "tinybench";
import { courseMachine } from "../profile/course_machine.ts";
import { machineLines } from "../profile/profile_mlp.ts";
import { writeMlperfReport } from "./mlperf_report.ts";
import { firstRows, referenceModel } from "./reference_model.ts";
import {
  type MilestoneContext,
  type MilestoneOutcome,
  oneLine,
  percent,
  threshold,
} from "./runner.ts";

/** Training digits that calibrate the activation ranges. */
export const CALIBRATION_DIGITS = 500;
/** Rows per forward call in the speed comparison. */
export const BENCH_BATCH = 32;

interface TwoPaths {
  forwardInt8?: (x: Tensor) => Tensor;
  forwardSimulated?: (x: Tensor) => Tensor;
}

function chain(model: Sequential, path: "forwardInt8" | "forwardSimulated") {
  const steps = model.layers.map((layer: Layer) => {
    const f = (layer as TwoPaths)[path];
    return f ? f.bind(layer) : (x: Tensor) => layer.forward(x);
  });
  return (x: Tensor) => steps.reduce((y, step) => step(y), x);
}

async function speed(fp32: Sequential, int8: Sequential, x: Tensor) {
  const simulated = chain(int8, "forwardSimulated");
  const integer = chain(int8, "forwardInt8");
  let sink = 0;
  const bench = new Bench({ time: 600, warmupTime: 150 });
  bench.add("fp32 (your Linear)", () => {
    sink += fp32.forward(x).data[0];
  });
  bench.add("int8 simulated (forwardSimulated)", () => {
    sink += simulated(x).data[0];
  });
  bench.add("int8 integer (forwardInt8)", () => {
    sink += integer(x).data[0];
  });
  await bench.run();
  return bench.tasks.map((t) => {
    const r = t.result;
    if (!r || !("latency" in r)) throw new Error(`Cannot time "${t.name}" (${sink})`);
    return { name: t.name, medianMs: r.latency.p50 ?? NaN, samples: r.latency.samplesCount };
  });
}

/**
 * Profiles, quantizes, measures and judges.
 *
 * @param context The run's context.
 * @returns The outcome with every measurement; writes `reports/milestone_06.html`.
 */
export async function run(context: MilestoneContext): Promise<MilestoneOutcome> {
  const { log } = context;
  const { train, test } = await loadMnist();
  const fp32 = (await referenceModel()).eval();
  log(`Model: ${oneLine(fp32)}, ${countParameters(fp32).toLocaleString("en-US")} parameters`);

  log("1. Profile (your profileModel, batch 1):");
  const machine = await courseMachine();
  for (const line of machineLines(machine)) log(`   ${line}`);
  const profile = await profileModel(fp32, firstRows(test.images, 1), {
    machine,
    iterations: 30,
    warmup: 10,
    onProgress: context.progress("profiling"),
  });
  for (const r of [...profile.layers, profile.total]) {
    log(
      `   ${r.name.padEnd(22)} ${r.parameters.toLocaleString("en-US").padStart(7)} params ` +
        `${r.flops.toLocaleString("en-US").padStart(9)} FLOPs ${r.medianMs.toFixed(4)} ms ` +
        `${r.intensity.toPrecision(3)} FLOP/B ${VERDICT_TEXT[r.verdict]}`,
    );
  }

  log(`2. Quantize (your quantizeModel, calibrated on ${CALIBRATION_DIGITS} training digits):`);
  const calibration = firstRows(train.images, CALIBRATION_DIGITS);
  const { model: int8, report } = quantizeModel(fp32, calibration, {
    onProgress: context.progress("quantizing"),
  });
  for (const r of report) log(`   ${r.name}: output error ${percent(r.outputError)}`);

  log(`3. Accuracy on ${test.labels.size} test digits, size, and speed (batch ${BENCH_BATCH}):`);
  const fp32Accuracy = accuracy(fp32.forward(test.images), test.labels);
  const int8Accuracy = accuracy(int8.forward(test.images), test.labels);
  const dropPoints = 100 * (fp32Accuracy - int8Accuracy);
  const sizes = compareModelSizes(fp32, int8);
  const timings = await speed(fp32, int8, firstRows(test.images, BENCH_BATCH));
  const [fp32Ms, simulatedMs, int8Ms] = timings.map((t) => t.medianMs);
  log(`   accuracy: fp32 ${percent(fp32Accuracy)}, int8 ${percent(int8Accuracy)}`);
  log(`   bytes: fp32 ${sizes.originalBytes}, int8 ${sizes.quantizedBytes}`);
  for (const t of timings) {
    log(`   ${t.name.padEnd(34)} median ${t.medianMs.toFixed(4)} ms (${t.samples} samples)`);
  }
  const speedup = simulatedMs / int8Ms;

  const maxDrop = threshold(context, "maxAccuracyDropPoints");
  const minRatio = threshold(context, "minSizeRatio");
  const minSpeedup = threshold(context, "minInt8Speedup");
  const checks = [
    {
      name: "accuracy drop",
      measured: `${dropPoints.toFixed(2)} points (${percent(fp32Accuracy)} → ${
        percent(int8Accuracy)
      })`,
      wanted: `≤ ${maxDrop} points`,
      ok: dropPoints <= maxDrop,
    },
    {
      name: "size ratio",
      measured: `${sizes.ratio.toFixed(2)}× (${sizes.originalBytes} → ${sizes.quantizedBytes} B)`,
      wanted: `≥ ${minRatio}×`,
      ok: sizes.ratio >= minRatio,
    },
    {
      name: "int8 speed-up over simulated",
      measured: `${speedup.toFixed(2)}× (${simulatedMs.toFixed(4)} → ${int8Ms.toFixed(4)} ms)`,
      wanted: `> ${minSpeedup}×`,
      ok: speedup > minSpeedup,
    },
  ];
  const measurements = {
    parameters: countParameters(fp32),
    profileTotalMs: profile.total.medianMs,
    machineGflops: machine.gflops,
    machineGflopsMedian: machine.compute.median,
    machineGbPerSecond: machine.gbPerSecond,
    machineGbPerSecondMedian: machine.memory.median,
    ...(machine.int8 ? { machineInt8Gops: machine.int8.best } : {}),
    ridge: machine.ridge,
    ridgeLow: machine.ridgeRange.low,
    ridgeHigh: machine.ridgeRange.high,
    fp32Accuracy,
    int8Accuracy,
    accuracyDropPoints: dropPoints,
    fp32Bytes: sizes.originalBytes,
    int8Bytes: sizes.quantizedBytes,
    sizeRatio: sizes.ratio,
    fp32MedianMs: fp32Ms,
    simulatedMedianMs: simulatedMs,
    int8MedianMs: int8Ms,
    int8SpeedupOverSimulated: speedup,
    benchBatch: BENCH_BATCH,
    calibrationDigits: CALIBRATION_DIGITS,
    testDigits: test.labels.size,
  };
  const file = await writeMlperfReport(context.root, { profile, timings, checks, measurements });
  return { passed: checks.every((c) => c.ok), checks, measurements, report: file };
}
