// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
/**
 * `deno run -A modules/profiling/profile_mlp_bench.ts`: measures this machine's balance, then
 * profiles the 784→128→ReLU→64→ReLU→10 MLP at batch 1 and batch 32 and prints one markdown table
 * per batch (the README's tables come from here). Before that, the cold start: the first call of
 * the model against warmed-up calls. Same-run ratio: the batch-32 time per sample
 * against the batch-1 time. Writes `reports/profile_mlp.json`.
 *
 * @module
 */
import { Linear, ReLU, Sequential } from "@tinytorch/layers";
import { rand } from "@tinytorch/tensor";
import { measureLatency } from "./measure_latency.ts";
import { measureMachine } from "./measure_machine.ts";
import { type ModelProfile, profileModel } from "./profile_model.ts";
import { type ProfiledRow, VERDICT_TEXT } from "./roofline_verdict.ts";

const model = new Sequential(
  new Linear(784, 128, { seed: 1 }),
  new ReLU(),
  new Linear(128, 64, { seed: 2 }),
  new ReLU(),
  new Linear(64, 10, { seed: 3 }),
);

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

function line(r: ProfiledRow): string {
  return `| ${r.name} | [${r.outputShape}] | ${r.parameters.toLocaleString("en")} | ${
    r.flops.toLocaleString("en")
  } | ${r.bytes.toLocaleString("en")} | ${fmt(r.medianMs)} | ${fmt(r.gflops)} | ${
    fmt(r.intensity)
  } | ${VERDICT_TEXT[r.verdict]} |`;
}

function table(batch: number, p: ModelProfile): string {
  return [
    `Batch ${batch}:`,
    "",
    "| layer | output | params | FLOPs | bytes | median ms | GFLOP/s | FLOP/byte | verdict |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ...p.layers.map(line),
    line({ ...p.total, name: "**whole model**" }),
  ].join("\n");
}

// Cold start first, before anything has run the model: the first call includes parsing and JIT.
const x1 = rand([1, 784], { seed: 4 });
const first = await measureLatency(model, x1, { warmup: 0, iterations: 1 });
const early = await measureLatency(model, x1, { warmup: 0, iterations: 10 });
const warm = await measureLatency(model, x1, { warmup: 100, iterations: 200 });
console.log(
  `JIT: first call ${fmt(first.median)} ms; calls 2-11 median ${fmt(early.median)} ms (max ${
    fmt(early.max)
  }); after 111 more calls median ${fmt(warm.median)} ms, p99 ${fmt(warm.p99)} ms, mean ${
    fmt(warm.mean)
  } ms, std ${fmt(warm.std)} ms; first / warm median ${fmt(first.median / warm.median)}×\n`,
);

const machine = await measureMachine();
const spread = (r: { best: number; median: number; worst: number }) =>
  `${fmt(r.best)} (median ${fmt(r.median)}, slowest ${fmt(r.worst)})`;
console.log(
  `machine: ${spread(machine.compute)} GFLOP/s by ${machine.compute.kernel}; ${
    spread(machine.memory)
  } GB/s copy; ridge ${fmt(machine.ridge)} FLOP/byte (spread ${fmt(machine.ridgeRange.low)}–${
    fmt(machine.ridgeRange.high)
  }; ${machine.details.measuredAt})\n`,
);
const profiles: Record<string, ModelProfile> = {};
for (const batch of [1, 32]) {
  const x = rand([batch, 784], { seed: 4 });
  profiles[batch] = await profileModel(model, x, { iterations: 200, warmup: 20, machine });
  console.log(table(batch, profiles[batch]) + "\n");
}
console.log("batch 32 vs batch 1, time per sample (same run):");
profiles[32].layers.forEach((r, i) => {
  const ratio = (r.medianMs / 32) / profiles[1].layers[i].medianMs;
  console.log(`  ${r.name}: ${ratio.toFixed(3)}×`);
});
const whole = (profiles[32].total.medianMs / 32) / profiles[1].total.medianMs;
console.log(`  whole model: ${whole.toFixed(3)}×`);

await Deno.mkdir("reports", { recursive: true });
await Deno.writeTextFile(
  "reports/profile_mlp.json",
  JSON.stringify({ machine, profiles }, null, 2) + "\n",
);
console.log("\nwrote reports/profile_mlp.json");
