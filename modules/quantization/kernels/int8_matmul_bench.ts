// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
/**
 * `deno task bench:kernels`: the raw kernels side by side, at 784→128 (the MNIST MLP's first
 * layer) for batch 1, 4, 8, 32 and 256, and at 256×256×256: both builds of the relaxed int8 kernel
 * (fused and split, see `int8_matmul_relaxed.wat`), dot16, the scalar int8 loop, the float32 Wasm
 * SIMD kernel and a plain fp32 TypeScript loop. Every candidate's output is checked against a
 * naive oracle first (int8 bit for bit, float32 to rounding); a wrong kernel stops the run.
 *
 * Each of `--runs=3` rounds is one tinybench run of every task; the report gives the median over
 * the rounds of each task's median, and GOP/s from it. It also gives the fastest sample of all
 * rounds (on a shared machine the sample that ran alone on its core, at full clock), and from that
 * the multiply-adds per core cycle (the clock measured with a dependent chain of Wasm adds) and
 * the fraction of the Wasm SIMD128 limit on a core with two 128-bit multiply pipes and no
 * AVX-VNNI: 16 int8 multiply-adds per cycle (pmaddubsw + pmaddwd, 8 each, on two pipes) and 8
 * float32 ones (two 4-lane FMAs). Then float inputs: `run` after quantizing in TypeScript against
 * the fused `runFloat`. Writes `reports/bench_kernels.json`.
 *
 * ```sh
 * deno task bench:kernels [--runs=3] [--time=300]
 * ```
 *
 * @module
 */
import { Bench } from "tinybench";
import { randomValues } from "@tinytorch/course";
import {
  availableFloat32Kernels,
  availableKernels,
  createFloat32Linear,
  createInt8Linear,
  matmulInt8Scalar,
} from "./mod.ts";
import { relaxedKernelForm } from "./available_kernels.ts";
import { WasmInt8Linear } from "./_wasm_int8_linear.ts";
import { loadText, measureClockGhz, median } from "./_bench_util.ts";

interface Workload {
  name: string;
  m: number;
  n: number;
  k: number;
}

const WORKLOADS: Workload[] = [
  ...[1, 4, 8, 32, 256].map((m) => ({ name: `784->128 M=${m}`, m, n: 128, k: 784 })),
  { name: "256x256x256", m: 256, n: 256, k: 256 },
];
/** Where float inputs are timed (run + TS quantization against runFloat). */
const FLOAT_INPUT_BATCHES = [1, 32];
const arg = (name: string, fallback: number) =>
  Number(Deno.args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const RUNS = arg("runs", 3);
const TIME = arg("time", 300);

/** Multiply-adds per cycle at the Wasm SIMD128 limit of this core type (see the module doc). */
const LIMIT_MACS_PER_CYCLE = { int8: 16, float32: 8 };

const int8 = (count: number, seed: number, min: number, max: number) =>
  Int8Array.from(randomValues(count, { seed, min, max: max + 1, integers: true }));

// The fp32 baseline loop and the oracle, separate on purpose: the kernels and their bench use no
// learner code.
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

/** The naive oracle `Σ_p x[i, p] · w[j, p]` in float64 (exact for these int8 sizes). */
function naive(x: ArrayLike<number>, w: ArrayLike<number>, { m, n, k }: Workload): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += x[i * k + p] * w[j * k + p];
      out[i * n + j] = sum;
    }
  }
  return out;
}

/** Throws unless `got` equals `want` exactly (`tol` 0) or within `tol · (1 + |want|)`. */
function check(name: string, got: ArrayLike<number>, want: Float64Array, tol: number): void {
  if (got.length !== want.length) {
    throw new Error(`${name}: ${got.length} outputs, expected ${want.length}`);
  }
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) {
      throw new Error(`${name} is wrong: output ${i} is ${got[i]}, the oracle says ${want[i]}`);
    }
  }
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

interface Candidate {
  workload: Workload;
  name: string;
  kind: "int8" | "float32";
  fn: () => ArrayLike<number>;
}

const kernels = availableKernels();
const candidates: Candidate[] = [];
const floatInputs: { workload: Workload; kernel: string; ts: () => void; fused: () => void }[] = [];
let sink = 0;
for (const [index, workload] of WORKLOADS.entries()) {
  const { m, n, k } = workload;
  const x = int8(m * k, 10 + index, 0, 127); // 7-bit inputs, valid for every kernel
  const w = int8(n * k, 20 + index, -127, 127);
  const xf = Float32Array.from(x);
  const wf = Float32Array.from(w);
  const wt = new Float32Array(k * n);
  for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) wt[p * n + j] = w[j * k + p];
  const want = naive(x, w, workload);
  const add = (name: string, kind: Candidate["kind"], fn: () => ArrayLike<number>) => {
    check(`${workload.name} ${name}`, fn(), want, kind === "int8" ? 0 : 1e-5);
    candidates.push({ workload, name, kind, fn });
  };
  add("fp32 TS", "float32", () => matmulF32(xf, wt, m, k, n));
  for (const kernel of availableFloat32Kernels()) {
    const layer = createFloat32Linear(wf, [n, k], { kernel, maxBatch: m });
    add(`fp32 wasm ${kernel}`, "float32", () => layer.run(xf, m));
  }
  add("scalar", "int8", () => matmulInt8Scalar(x, w, { m, n, k }));
  if (kernels.includes("dot16")) {
    const dot16 = createInt8Linear(w, [n, k], { kernel: "dot16", maxBatch: m });
    add("dot16", "int8", () => dot16.run(x, m));
  }
  if (kernels.includes("relaxed")) {
    for (const form of ["fused", "split"] as const) {
      const relaxed = new WasmInt8Linear("relaxed", w, [n, k], m, form);
      add(`relaxed ${form}`, "int8", () => relaxed.run(x, m));
    }
  }
  if (workload.n === 128 && FLOAT_INPUT_BATCHES.includes(m)) {
    const floats = Float32Array.from(randomValues(m * k, { seed: 30 + index, min: 0, max: 1 }));
    for (const kernel of kernels) {
      const layer = createInt8Linear(w, [n, k], { kernel, maxBatch: m });
      const ts = () => layer.run(quantizeTs(floats), m);
      const fused = () => layer.runFloat(floats, m, INPUT);
      check(`${workload.name} ${kernel} runFloat`, fused(), Float64Array.from(ts()), 0);
      floatInputs.push({
        workload,
        kernel,
        ts: () => void (sink += ts()[0]),
        fused: () => void (sink += fused()[0]),
      });
    }
  }
}

const taskName = (w: Workload, name: string) => `${w.name} | ${name}`;
const medians = new Map<string, number[]>();
const fastest = new Map<string, number>();
const loads: string[] = [];
for (let round = 0; round < RUNS; round++) {
  const bench = new Bench({ time: TIME, warmupTime: 100 });
  for (const c of candidates) {
    bench.add(taskName(c.workload, c.name), () => void (sink += c.fn()[0]));
  }
  for (const f of floatInputs) {
    bench.add(taskName(f.workload, `${f.kernel} run+TS quantize`), f.ts);
    bench.add(taskName(f.workload, `${f.kernel} runFloat`), f.fused);
  }
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result === undefined || !("latency" in result)) throw new Error(`${task.name} did not run`);
    medians.set(task.name, [...medians.get(task.name) ?? [], result.latency.p50]);
    fastest.set(task.name, Math.min(fastest.get(task.name) ?? Infinity, result.latency.min));
  }
  loads.push(loadText());
}
const ghz = await measureClockGhz();
const medianMs = (name: string) => median(medians.get(name)!);

interface Row {
  medianMs: number;
  runsMs: number[];
  gops: number;
  fastestMs: number;
  fastestGops: number;
  macsPerCycle: number;
  ofLimit: number;
  vsFp32Wasm: number;
}
const bestFp32 = `fp32 wasm ${availableFloat32Kernels()[0]}`;
const results: Record<string, Record<string, Row>> = {};
for (const w of WORKLOADS) {
  const macs = w.m * w.n * w.k;
  results[w.name] = {};
  for (const c of candidates.filter((c) => c.workload === w)) {
    const ms = medianMs(taskName(w, c.name));
    const best = fastest.get(taskName(w, c.name))!;
    const macsPerCycle = macs / (best * 1e6 * ghz);
    results[w.name][c.name] = {
      medianMs: ms,
      runsMs: medians.get(taskName(w, c.name))!,
      gops: 2 * macs / (ms * 1e6),
      fastestMs: best,
      fastestGops: 2 * macs / (best * 1e6),
      macsPerCycle,
      ofLimit: macsPerCycle / LIMIT_MACS_PER_CYCLE[c.kind],
      vsFp32Wasm: medianMs(taskName(w, bestFp32)) / ms,
    };
  }
}
const floatResults: Record<string, Record<string, Record<string, number>>> = {};
for (const f of floatInputs) {
  const ts = medianMs(taskName(f.workload, `${f.kernel} run+TS quantize`));
  const fused = medianMs(taskName(f.workload, `${f.kernel} runFloat`));
  (floatResults[f.workload.name] ??= {})[f.kernel] = {
    runTsMs: ts,
    runFloatMs: fused,
    speedup: ts / fused,
  };
}

console.log(
  `kernels (Deno ${Deno.version.deno}, V8 ${Deno.version.v8}); relaxed runs its ${relaxedKernelForm()} build here; ` +
    `median of ${RUNS} tinybench runs; core clock measured ${ghz.toFixed(2)} GHz`,
);
for (const [i, load] of loads.entries()) console.log(`  run ${i + 1}: ${load}`);
console.log(
  "median µs and GOP/s over the runs, ratio to fp32 wasm; | the fastest sample, its MAC/cycle at the clock above",
);
console.log(
  `limit: ${LIMIT_MACS_PER_CYCLE.int8} int8 / ${LIMIT_MACS_PER_CYCLE.float32} float32 multiply-adds per cycle = ` +
    `${(2 * LIMIT_MACS_PER_CYCLE.int8 * ghz).toFixed(0)} GOP/s / ${
      (2 * LIMIT_MACS_PER_CYCLE.float32 * ghz).toFixed(0)
    } GFLOP/s`,
);
for (const [name, row] of Object.entries(results)) {
  console.log(`\n${name}`);
  for (const [candidate, r] of Object.entries(row)) {
    console.log(
      `  ${candidate.padEnd(18)} ${(r.medianMs * 1000).toFixed(1).padStart(9)} µs ${
        r.gops.toFixed(1).padStart(7)
      } GOP/s ${r.vsFp32Wasm.toFixed(2).padStart(6)}x fp32 wasm | fastest ${
        r.fastestGops.toFixed(1).padStart(6)
      } GOP/s ${r.macsPerCycle.toFixed(2).padStart(6)} MAC/cycle (${
        (100 * r.ofLimit).toFixed(0).padStart(3)
      }% of limit)`,
    );
  }
}
console.log("\nfloat inputs: run after TS quantization vs runFloat (median µs)");
for (const [name, row] of Object.entries(floatResults)) {
  console.log(`\n${name}`);
  for (const [kernel, r] of Object.entries(row)) {
    console.log(
      `  ${kernel.padEnd(8)} run+TS ${(r.runTsMs * 1000).toFixed(1).padStart(9)}   runFloat ${
        (r.runFloatMs * 1000).toFixed(1).padStart(9)
      }   ${r.speedup.toFixed(2).padStart(5)}x`,
    );
  }
}

await Deno.mkdir("reports", { recursive: true });
const report = {
  date: new Date().toISOString(),
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  kernels,
  relaxedForm: relaxedKernelForm(),
  runs: RUNS,
  loads,
  clockGhz: ghz,
  limitMacsPerCycle: LIMIT_MACS_PER_CYCLE,
  workloads: WORKLOADS,
  medianUnit: "ms",
  ratio: "vsFp32Wasm = fp32 wasm median / candidate median (higher is faster)",
  fastest:
    "fastestMs: the fastest sample of all runs; macsPerCycle and ofLimit from it at clockGhz",
  results,
  floatInput: { input: INPUT, results: floatResults },
  sink,
};
await Deno.writeTextFile("reports/bench_kernels.json", JSON.stringify(report, null, 2) + "\n");
console.log("\nwrote reports/bench_kernels.json");
