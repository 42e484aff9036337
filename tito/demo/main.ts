/**
 * `deno task demo`: the main demo. Real MNIST digits, the trained reference MLP in float32, its
 * int8 versions (per-tensor and per-channel, min/max and percentile calibration), accuracy,
 * memory, the measured speed of the int8 path, a bits sweep and what clipping buys. Writes
 * `reports/demo.html` with SVG charts, and appends this run's timings to `reports/demo_runs.jsonl`
 * (`deno task docs:timings` quotes their range in the README).
 *
 * The report's path is printed first and last, with a blank line after it, where Deno's own
 * download bar cannot erase it. (On a fresh cache that bar stays on screen while a process runs and
 * erases that process's last lines when it clears; the `demo` task therefore runs `prefetch.ts`
 * first, which does the downloading and prints nothing.)
 *
 * @module
 */
// deno-lint-ignore-file no-console -- the demo's job is to print
import { SingleBar } from "cli-progress";
import { accuracy, loadMnist, referenceMlp } from "@tinytorch/datasets";
import { availableKernels } from "@tinytorch/quantization";
import { axisStart, barChart, page } from "./chart.ts";
import { bitsSweep, clipping, speed, variants } from "./experiments.ts";
import type { DemoRun } from "./timing_runs.ts";

const tty = Deno.stdout.isTerminal();
const time = Number(Deno.args.find((a) => a.startsWith("--time="))?.slice(7) ?? 300);
const steps = ["load MNIST", "reference MLP", "quantize 4 ways", "bits sweep", "speed", "clipping"];
const bar = tty
  ? new SingleBar({ format: " {bar} {value}/{total} {step}", clearOnComplete: true })
  : null;
let done = 0;
function step(name: string): void {
  if (bar) bar.update(done++, { step: name });
  else console.error(`… ${name}`);
}

function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((v, c) => c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c])).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

const reports = new URL("../../reports/", import.meta.url);
const out = new URL("demo.html", reports);
const runs = new URL("demo_runs.jsonl", reports);
console.log(
  `TinyTorch for Deno — quantizing a real MNIST classifier (Deno ${Deno.version.deno})`,
);
console.log(`The charts go to ${out.pathname}\n`);
bar?.start(steps.length, 0, { step: steps[0] });
step("load MNIST");
const { train, test } = await loadMnist();
const calibration = train.images.slice(0, 500);
step("reference MLP");
const fp32 = await referenceMlp();
const base = accuracy(fp32.forward(test.images), test.labels);
step("quantize 4 ways");
const results = variants(fp32, calibration, test, base);
step("bits sweep");
const sweep = bitsSweep(fp32, calibration, test);
step("speed");
const timings = await speed(fp32, test.images, time);
step("clipping");
const clip = clipping();
bar?.update(steps.length, { step: "done" });
bar?.stop();

const pct = (a: number) => `${(a * 100).toFixed(2)}%`;
console.log(
  `Reference MLP 784→128→ReLU→64→ReLU→10, float32: ${pct(base)} on ${test.labels.size} test digits`,
);
console.log(`(${train.labels.size} training digits; 500 of them calibrate the int8 versions)\n`);
table(
  ["int8 recipe", "accuracy", "drop (points)", "bytes", "vs fp32"],
  results.map((
    r,
  ) => [
    r.name,
    pct(r.accuracy),
    r.dropPoints.toFixed(2),
    r.bytes.toLocaleString("en-US"),
    `${r.ratio.toFixed(2)}x smaller`,
  ]),
);
console.log(
  `\nFirst layer 784→128, medians from one tinybench run per batch (kernels: ${
    availableKernels().join(", ")
  })`,
);
for (const { batch, timings: t } of timings) {
  console.log(`\nbatch ${batch}`);
  table(
    ["path", "median ms", "GFLOP/s", "vs simulated"],
    t.map((
      x,
    ) => [x.name, x.medianMs.toFixed(4), x.gflops.toFixed(2), `${x.vsSimulated.toFixed(1)}x`]),
  );
}
console.log("\nWeight bits (activations stay 7/8-bit), per-channel min/max");
table(
  ["bits", "accuracy", "drop (points)", "bytes", "vs fp32"],
  sweep.map((s) => [
    s.bits,
    pct(s.accuracy),
    ((base - s.accuracy) * 100).toFixed(2),
    s.bytes.toLocaleString("en-US"),
    `${s.ratio.toFixed(2)}x`,
  ]),
);
console.log("\nWhat clipping buys: MSE on the bulk (inside P0.1..P99.9) and on all values");
table(
  ["data", "bits", "range from", "range", "MSE bulk", "MSE all"],
  clip.map((c) => [
    c.data,
    c.bits,
    c.observer,
    `[${c.range.min.toFixed(2)}, ${c.range.max.toFixed(2)}]`,
    c.mseInside.toExponential(2),
    c.mseTotal.toExponential(2),
  ]),
);

await Deno.mkdir(reports, { recursive: true });
const run: DemoRun = {
  schema: 1,
  date: new Date().toISOString(),
  deno: Deno.version.deno,
  os: Deno.build.os,
  cpus: navigator.hardwareConcurrency,
  speed: timings.map(({ batch, timings: t }) => ({
    batch,
    paths: t.map((x) => ({ name: x.name, medianMs: x.medianMs, vsSimulated: x.vsSimulated })),
  })),
};
await Deno.writeTextFile(runs, JSON.stringify(run) + "\n", { append: true });
const accuracyBars = [
  { label: "float32", value: base * 100 },
  ...results.map((r) => ({ label: r.name, value: r.accuracy * 100 })),
];
const sweepBars = sweep.map((s) => ({ label: `${s.bits} bits`, value: s.accuracy * 100 }));
const fp32Bytes = Math.round(results[0].bytes * results[0].ratio);
await Deno.writeTextFile(
  out,
  page("Quantizing a real MNIST classifier", [
    `float32 accuracy ${pct(base)} on ${test.labels.size} test digits; measured on ${
      new Date().toISOString()
    }.`,
    barChart(
      "Accuracy by recipe (%)",
      accuracyBars,
      (v) => v.toFixed(2),
      axisStart(accuracyBars.map((b) => b.value)),
    ),
    barChart(
      "Stored bytes by recipe",
      [
        { label: "float32", value: fp32Bytes },
        ...results.map((r) => ({ label: r.name, value: r.bytes })),
      ],
      (v) => v.toLocaleString("en-US"),
    ),
    barChart(
      "Accuracy vs weight bits (%)",
      sweepBars,
      (v) => v.toFixed(2),
      axisStart(sweepBars.map((b) => b.value)),
    ),
    ...[1, 32].map((batch) =>
      barChart(
        `784→128 at batch ${batch}: speed vs the simulated path (x)`,
        timings.find((t) => t.batch === batch)!.timings.map((t) => ({
          label: t.name,
          value: t.vsSimulated,
        })),
        (v) => `${v.toFixed(1)}x`,
      )
    ),
  ]),
);
console.log(`\nwrote ${out.pathname}`);
console.log(`timings of this run appended to ${runs.pathname}\n`);
