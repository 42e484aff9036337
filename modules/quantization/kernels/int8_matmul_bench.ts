// deno-lint-ignore-file no-console
/**
 * Benchmarks the int8 matmul kernels against a plain fp32 TypeScript matmul, side by side in one
 * tinybench run: 784→128 at batch 1 and 32 (the MNIST MLP's first layer) and 256×256×256.
 * Also times float inputs per kernel: `run` after quantizing in TypeScript (a finiteness check,
 * then the quantization loop of the int8 linear forward) against the fused `runFloat`.
 * Prints medians and same-run ratios and writes `reports/bench_kernels.json`.
 *
 * ```sh
 * deno run -A modules/quantization/kernels/int8_matmul_bench.ts
 * ```
 *
 * @module
 */
import { Bench } from "tinybench";
import { randomValues } from "@tinytorch/course";
import { availableKernels, createInt8Linear, matmulInt8Scalar } from "./mod.ts";

interface Workload {
  name: string;
  m: number;
  n: number;
  k: number;
}

const WORKLOADS: Workload[] = [
  { name: "784->128 M=1", m: 1, n: 128, k: 784 },
  { name: "784->128 M=32", m: 32, n: 128, k: 784 },
  { name: "256x256x256", m: 256, n: 256, k: 256 },
];

const int8 = (count: number, seed: number, min: number, max: number) =>
  Int8Array.from(randomValues(count, { seed, min, max: max + 1, integers: true }));

// The fp32 baseline, separate on purpose: the kernels and their bench use no learner code.
/** Plain fp32 `y = x @ wt` with `wt` pre-transposed to `[k, n]`, i-k-j loop order. */
function matmulF32(x: Float32Array, wt: Float32Array, m: number, k: number, n: number) {
  const y = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const xip = x[i * k + p];
      for (let j = 0; j < n; j++) y[i * n + j] += xip * wt[p * n + j];
    }
  }
  return y;
}

/** Unsigned 7-bit input quantization of values in [0, 1] (valid for every kernel). */
const INPUT = { scale: Math.fround(1 / 127), zeroPoint: 0, qmin: 0, qmax: 127 };
const ROUNDING = 6755399441055744; // 1.5 · 2^52: (v + R) − R rounds half to even for |v| < 2^51

/** What a caller of `run` does with float inputs: check they are finite, then quantize in TS. */
function quantizeTs(x: Float32Array): Int8Array {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`element ${i} is ${x[i]}`);
  }
  const { scale, zeroPoint, qmin, qmax } = INPUT;
  const xq = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] / scale + ROUNDING) - ROUNDING + zeroPoint;
    xq[i] = v < qmin ? qmin : v > qmax ? qmax : v;
  }
  return xq;
}

let sink = 0;
const bench = new Bench({ time: 400, warmupTime: 100 });
const kernels = availableKernels();

for (const [index, { name, m, n, k }] of WORKLOADS.entries()) {
  const x = int8(m * k, 10 + index, 0, 127); // 7-bit inputs, valid for every kernel
  const w = int8(n * k, 20 + index, -127, 127);
  const xf = Float32Array.from(x);
  const wt = new Float32Array(k * n);
  for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) wt[p * n + j] = w[j * k + p];
  const maxBatch = m;
  bench.add(`${name} | fp32 TS`, () => {
    sink += matmulF32(xf, wt, m, k, n)[0];
  });
  bench.add(`${name} | scalar`, () => {
    sink += matmulInt8Scalar(x, w, { m, n, k })[0];
  });
  if (kernels.includes("dot16")) {
    const dot16 = createInt8Linear(w, [n, k], { kernel: "dot16", maxBatch });
    bench.add(`${name} | dot16`, () => {
      sink += dot16.run(x, m)[0];
    });
  }
  if (kernels.includes("relaxed")) {
    const relaxed = createInt8Linear(w, [n, k], { kernel: "relaxed", maxBatch });
    bench.add(`${name} | relaxed`, () => {
      sink += relaxed.run(x, m)[0];
    });
  }
  const floats = Float32Array.from(randomValues(m * k, { seed: 30 + index, min: 0, max: 1 }));
  for (const kernel of kernels) {
    const layer = createInt8Linear(w, [n, k], { kernel, maxBatch });
    bench.add(`${name} | ${kernel} run+TS quantize`, () => {
      sink += layer.run(quantizeTs(floats), m)[0];
    });
    bench.add(`${name} | ${kernel} runFloat`, () => {
      sink += layer.runFloat(floats, m, INPUT)[0];
    });
  }
}

await bench.run();

const rows: Record<string, Record<string, { medianMs: number; vsFp32: number; vsScalar: number }>> =
  {};
const median = (taskName: string): number => {
  const result = bench.getTask(taskName)?.result;
  if (result === undefined || !("latency" in result)) throw new Error(`${taskName} did not run`);
  return result.latency.p50;
};
for (const { name } of WORKLOADS) {
  const fp32 = median(`${name} | fp32 TS`);
  const scalar = median(`${name} | scalar`);
  rows[name] = {};
  for (const candidate of ["fp32 TS", "scalar", "dot16", "relaxed"]) {
    if (bench.getTask(`${name} | ${candidate}`) === undefined) continue;
    const t = median(`${name} | ${candidate}`);
    rows[name][candidate] = { medianMs: t, vsFp32: fp32 / t, vsScalar: scalar / t };
  }
}

const floatRows: Record<
  string,
  Record<string, { runTsMs: number; runFloatMs: number; speedup: number }>
> = {};
for (const { name } of WORKLOADS) {
  floatRows[name] = {};
  for (const kernel of kernels) {
    const runTs = median(`${name} | ${kernel} run+TS quantize`);
    const runFloat = median(`${name} | ${kernel} runFloat`);
    floatRows[name][kernel] = { runTsMs: runTs, runFloatMs: runFloat, speedup: runTs / runFloat };
  }
}

console.log(`int8 matmul kernels (Deno ${Deno.version.deno}, V8 ${Deno.version.v8})`);
for (const [name, row] of Object.entries(rows)) {
  console.log(`\n${name}`);
  for (const [candidate, r] of Object.entries(row)) {
    const us = (r.medianMs * 1000).toFixed(1).padStart(10);
    console.log(
      `  ${candidate.padEnd(8)} median ${us} µs   ${r.vsFp32.toFixed(1).padStart(6)}x vs fp32   ${
        r.vsScalar.toFixed(1).padStart(6)
      }x vs scalar`,
    );
  }
}

const us = (ms: number) => (ms * 1000).toFixed(1).padStart(9);
console.log("\nfloat inputs: run after TS quantization vs runFloat (median µs)");
for (const [name, row] of Object.entries(floatRows)) {
  console.log(`\n${name}`);
  for (const [kernel, r] of Object.entries(row)) {
    console.log(
      `  ${kernel.padEnd(8)} run+TS ${us(r.runTsMs)}   runFloat ${us(r.runFloatMs)}   ${
        r.speedup.toFixed(2).padStart(5)
      }x`,
    );
  }
}

await Deno.mkdir("reports", { recursive: true });
const report = {
  date: new Date().toISOString(),
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  kernels,
  workloads: WORKLOADS,
  medianUnit: "ms",
  results: rows,
  floatInput: { input: INPUT, results: floatRows },
  sink,
};
await Deno.writeTextFile("reports/bench_kernels.json", JSON.stringify(report, null, 2) + "\n");
console.log("\nwrote reports/bench_kernels.json");
