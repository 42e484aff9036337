/**
 * The second half of `deno task bench:quantization`: the whole MNIST reference MLP
 * (784→128→ReLU→64→ReLU→10), float32, simulated, int8 (each layer dequantizes its output) and
 * integer-only (int8 between layers), at batch 1 and 32, in one tinybench run per batch with the
 * candidates side by side. Before timing, each candidate's accuracy on the 2,000 test digits is
 * measured and printed. Prints medians and ratios; writes `reports/bench_mlp.json`.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
import { accuracy, loadMnist, referenceMlp } from "@tinytorch/datasets";
import type { Sequential } from "@tinytorch/layers";
import { Bench } from "tinybench";
import type { Tensor } from "@tinytorch/tensor";
import { QuantizedLinear, quantizeModel } from "./mod.ts";

const time = Number(Deno.args.find((a) => a.startsWith("--time="))?.slice(7) ?? 1000);
const { train, test } = await loadMnist();
const fp32 = await referenceMlp();
const calibration = train.images.slice(0, 500);
const int8 = quantizeModel(fp32, calibration).model;
const integerOnly = quantizeModel(fp32, calibration, { integerOnly: true }).model;

const models: [string, Sequential, (m: Sequential, x: Tensor) => Tensor][] = [
  ["fp32", fp32, (m, x) => m.forward(x)],
  // The same int8 weights, each layer dequantized on every call, then the float32 matmul.
  ["simulated", int8, (m, x) => forwardSimulated(m, x)],
  ["int8", int8, (m, x) => m.forward(x)],
  ["integer-only", integerOnly, (m, x) => m.forward(x)],
];

function forwardSimulated(m: Sequential, x: Tensor): Tensor {
  return m.layers.reduce(
    (y, l) => l instanceof QuantizedLinear ? l.forwardSimulated(y) : l.forward(y),
    x,
  );
}

const accuracies = Object.fromEntries(
  models.map(([name, m, run]) => [
    name,
    accuracy(run(m, test.images), test.labels),
  ]),
);
console.log(
  `MNIST reference MLP on 2000 test digits (Deno ${Deno.version.deno}): ${
    Object.entries(accuracies).map(([n, a]) => `${n} ${(a * 100).toFixed(2)}%`).join(", ")
  }`,
);

const results: Record<
  string,
  { name: string; medianMs: number; vsSimulated: number; vsInt8: number }[]
> = {};
for (const batch of [1, 32]) {
  const x = test.images.slice(0, batch);
  const bench = new Bench({ time });
  for (const [name, m, run] of models) bench.add(name, () => run(m, x));
  await bench.run();
  const median = (name: string) => {
    const r = bench.getTask(name)?.result;
    if (!r || !("latency" in r)) throw new Error(`${name} did not run: ${JSON.stringify(r)}`);
    return r.latency.p50;
  };
  results[`batch ${batch}`] = models.map(([name]) => ({
    name,
    medianMs: median(name),
    vsSimulated: median("simulated") / median(name),
    vsInt8: median("int8") / median(name),
  }));
  console.log(`\nwhole MLP, batch ${batch}`);
  for (const r of results[`batch ${batch}`]) {
    console.log(
      `  ${r.name.padEnd(13)} median ${r.medianMs.toFixed(4).padStart(9)} ms  ${
        r.vsSimulated.toFixed(1).padStart(6)
      }x simulated  ${r.vsInt8.toFixed(2).padStart(5)}x int8`,
    );
  }
}

const out = new URL("../../reports/bench_mlp.json", import.meta.url);
await Deno.mkdir(new URL(".", out), { recursive: true });
await Deno.writeTextFile(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), deno: Deno.version.deno, accuracies, results },
    null,
    2,
  ) +
    "\n",
);
console.log(`\nwrote ${out.pathname}`);
