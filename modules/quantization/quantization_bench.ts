/**
 * `deno task bench:quantization`: the float32 layer, the best float path (the float32 Wasm SIMD
 * kernel), the simulated path and the integer path with each kernel, at 784→128 (batch 1 and 32)
 * and 256→256 (batch 256, i.e. 256×256×256), one tinybench run per shape with every candidate side
 * by side. Prints medians, GFLOP/s and the ratios to the simulated path and to the best float
 * path, with the load average; writes `reports/bench_quantization.json`.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
import { randomValues } from "@tinytorch/course";
import { Linear } from "@tinytorch/layers";
import { tensor } from "@tinytorch/tensor";
import { availableKernels, benchmarkForwardPaths, type ForwardTiming } from "./mod.ts";
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
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${out.pathname}`);
