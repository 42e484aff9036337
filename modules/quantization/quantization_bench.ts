/**
 * `deno task bench:quantization`: the float32 layer, the best float path (the float32 Wasm SIMD
 * kernel), the simulated path and the integer path with each kernel, at 784→128 (batch 1 and 32)
 * and 256→256 (batch 256, i.e. 256×256×256), one tinybench run per shape with every candidate side
 * by side. Prints medians, GFLOP/s and the ratios to the simulated path and to the best float
 * path, with the load average. Then where the int8 layer's time goes at 784→128, in one more
 * tinybench run per batch: the relaxed kernel alone (int8 in, int32 out), with the input
 * quantization (`runFloat`: float in), the whole `forwardInt8` (plus the rescale and the output
 * tensor), and the best float path. Writes `reports/bench_quantization.json`.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
import { Bench } from "tinybench";
import { randomValues } from "@tinytorch/course";
import { Linear } from "@tinytorch/layers";
import { Tensor, tensor } from "@tinytorch/tensor";
import {
  availableKernels,
  benchmarkForwardPaths,
  createFloat32Linear,
  createInt8Linear,
  type ForwardTiming,
  inputQuantization,
  QuantizedLinear,
} from "./mod.ts";
import { loadText } from "./kernels/_bench_util.ts";

const SHAPES = [
  { name: "784→128 batch 1", rows: 1, inFeatures: 784, outFeatures: 128 },
  { name: "784→128 batch 32", rows: 32, inFeatures: 784, outFeatures: 128 },
  { name: "256→256 batch 256", rows: 256, inFeatures: 256, outFeatures: 256 },
];
const time = Number(Deno.args.find((a) => a.startsWith("--time="))?.slice(7) ?? 1000);

console.log(
  `int8 vs float32 forward (Deno ${Deno.version.deno}, V8 ${Deno.version.v8}); kernels here: ${
    availableKernels().join(", ")
  }`,
);
const results: Record<string, ForwardTiming[]> = {};
const loads: Record<string, string> = {};
for (const [i, s] of SHAPES.entries()) {
  const layer = new Linear(s.inFeatures, s.outFeatures, { seed: 10 + i });
  const x = tensor(randomValues(s.rows * s.inFeatures, { seed: 20 + i, min: 0, max: 1 }), {
    shape: [s.rows, s.inFeatures],
  });
  const timings = await benchmarkForwardPaths(layer, x, { inputRange: { min: 0, max: 1 }, time });
  results[s.name] = timings;
  loads[s.name] = loadText();
  console.log(
    `\n${s.name} (${(2 * s.rows * s.inFeatures * s.outFeatures / 1e6).toFixed(2)} M ops; ${
      loads[s.name]
    })`,
  );
  for (const t of timings) {
    const vsBest = t.vsBestFp32 === null ? "" : `${t.vsBestFp32.toFixed(2).padStart(6)}x best fp32`;
    console.log(
      `  ${t.name.padEnd(13)} median ${t.medianMs.toFixed(4).padStart(9)} ms  ${
        t.gflops.toFixed(2).padStart(7)
      } GFLOP/s  ${
        t.vsSimulated.toFixed(1).padStart(6)
      }x simulated  ${vsBest}  (${t.samples} samples)`,
    );
  }
}

/** The int8 layer's time, piece by piece, at 784→128 (relaxed kernel where available). */
const breakdown: Record<string, { name: string; medianMs: number }[]> = {};
console.log("\nwhere the int8 layer's time goes, 784→128 (medians of one tinybench run per batch)");
for (const rows of [1, 32]) {
  const layer = new Linear(784, 128, { seed: 10 });
  const range = { min: 0, max: 1 };
  const q = QuantizedLinear.fromLinear(layer, { inputRange: range });
  const input = inputQuantization(range);
  const kernel = createInt8Linear(q.weight.values.data as Int8Array, [128, 784]);
  const best = createFloat32Linear(Float32Array.from(layer.weight.data), [128, 784], {
    bias: Float32Array.from(layer.bias!.data),
  });
  const x = Float32Array.from(randomValues(rows * 784, { seed: 21, min: 0, max: 1 }));
  const xq = Int8Array.from(x, (v) => Math.round(v / input.scale));
  const xt = new Tensor(x, [rows, 784]);
  let sink = 0;
  const bench = new Bench({ time: Math.min(time, 500), warmupTime: 100 });
  bench.add("kernel run (int8 in)", () => void (sink += kernel.run(xq, rows)[0]));
  bench.add("kernel runFloat (float in)", () => void (sink += kernel.runFloat(x, rows, input)[0]));
  bench.add("forwardInt8 (float out)", () => void (sink += q.forwardInt8(xt).data[0]));
  bench.add("best fp32 kernel", () => void (sink += best.run(x, rows)[0]));
  await bench.run();
  const key = `784→128 batch ${rows}`;
  breakdown[key] = bench.tasks.map((t) => {
    const r = t.result;
    if (r === undefined || !("latency" in r)) throw new Error(`${t.name} did not run (${sink})`);
    return { name: t.name, medianMs: r.latency.p50 };
  });
  const layerMs = breakdown[key][2].medianMs;
  console.log(`\nbatch ${rows} (${loadText()})`);
  for (const t of breakdown[key]) {
    console.log(
      `  ${t.name.padEnd(27)} median ${(t.medianMs * 1000).toFixed(1).padStart(8)} µs  ${
        (100 * t.medianMs / layerMs).toFixed(0).padStart(4)
      }% of forwardInt8`,
    );
  }
}

const reports = new URL("../../reports/", import.meta.url);
await Deno.mkdir(reports, { recursive: true });
const out = new URL("bench_quantization.json", reports);
await Deno.writeTextFile(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      deno: Deno.version.deno,
      v8: Deno.version.v8,
      kernels: availableKernels(),
      ratio:
        "vsSimulated = simulated median / candidate median, vsBestFp32 = best fp32 median / candidate median (higher is faster)",
      shapes: SHAPES,
      loads,
      results,
      breakdown,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${out.pathname}`);
