import assert from "node:assert/strict";
import { benchTasks, benchTimings } from "./bench_report.ts";

Deno.test("tito: benchTimings() finds medians keyed by name or in named lists", () => {
  const report = {
    results: {
      "M=1": { "fp32 TS": { medianMs: 2 }, "scalar": { medianMs: 1, vsFp32: 2 } },
      "batch 32": [{ name: "simulated", medianMs: 4 }, { name: "int8", medianMs: 0.5 }],
    },
    deno: "2.9.6",
  };
  assert.deepEqual(benchTimings(report), [
    { group: "M=1", name: "fp32 TS", medianMs: 2 },
    { group: "M=1", name: "scalar", medianMs: 1 },
    { group: "batch 32", name: "simulated", medianMs: 4 },
    { group: "batch 32", name: "int8", medianMs: 0.5 },
  ]);
});

Deno.test("tito: benchTasks() picks bench:<module> and benches inside the module's folder", () => {
  const tasks = {
    "bench:quantization": "deno run -A modules/quantization/quantization_bench.ts",
    "bench:kernels": "deno run -A modules/quantization/kernels/int8_matmul_bench.ts",
    "bench:tensor": "deno run -A modules/tensor/matmul_bench.ts",
    "build:kernels": "deno run -A modules/quantization/kernels/build_wasm.ts",
  };
  assert.deepEqual(benchTasks(tasks, { name: "quantization", dir: "modules/quantization" }), [
    "bench:quantization",
    "bench:kernels",
  ]);
  assert.deepEqual(benchTasks(tasks, { name: "layers", dir: "modules/layers" }), []);
});
