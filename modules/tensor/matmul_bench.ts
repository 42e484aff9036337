// deno-lint-ignore-file no-console
/**
 * Benchmarks `Tensor.matmul` (the fp32 baseline of later modules) against `mathjs.multiply` and a
 * naive i-j-k loop over plain arrays, in ONE tinybench run, at 32×784×128 (an MNIST batch through
 * the first layer) and 256×256×256. Prints median ms, GFLOP/s (`2·M·N·K / time`) and ratios to
 * mathjs from the same run, and writes `reports/bench_tensor.json`.
 *
 * ```sh
 * deno task bench:tensor   # deno run -A modules/tensor/matmul_bench.ts
 * ```
 *
 * @module
 */
import { Bench } from "tinybench";
import { matrix, multiply } from "mathjs";
import { chunk, randomValues } from "@tinytorch/course";
import { tensor } from "./mod.ts";

interface Shape {
  name: string;
  m: number;
  k: number;
  n: number;
}

const SHAPES: Shape[] = [
  { name: "32x784x128", m: 32, k: 784, n: 128 },
  { name: "256x256x256", m: 256, k: 256, n: 256 },
];
const CANDIDATES = ["Tensor.matmul", "mathjs.multiply", "naive ijk arrays"] as const;

// A benchmark candidate, separate on purpose: the naive loop Tensor.matmul is timed against.
/** The textbook triple loop over nested arrays: `c[i][j] = Σ_p a[i][p] · b[p][j]`. */
function naiveMatmul(a: number[][], b: number[][]): number[][] {
  const m = a.length, k = b.length, n = b[0].length;
  const c: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i][p] * b[p][j];
      row[j] = sum;
    }
    c.push(row);
  }
  return c;
}

let sink = 0;
const bench = new Bench({ time: 1500, iterations: 10, warmupTime: 300 });
let maxDiff = 0;

for (const [s, { name, m, k, n }] of SHAPES.entries()) {
  const a = chunk(randomValues(m * k, { seed: 100 + s }), k);
  const b = chunk(randomValues(k * n, { seed: 200 + s }), n);
  const ta = tensor(a);
  const tb = tensor(b);
  const ma = matrix(a); // built outside the timed region
  const mb = matrix(b);
  const check = naiveMatmul(a, b).flat();
  ta.matmul(tb).data.forEach((v, i) => maxDiff = Math.max(maxDiff, Math.abs(v - check[i])));
  bench.add(`${name} | Tensor.matmul`, () => {
    sink += ta.matmul(tb).data[0];
  });
  bench.add(`${name} | mathjs.multiply`, () => {
    sink += multiply(ma, mb).get([0, 0]) as number;
  });
  bench.add(`${name} | naive ijk arrays`, () => {
    sink += naiveMatmul(a, b)[0][0];
  });
}

await bench.run();

function median(task: string): number {
  const result = bench.getTask(task)?.result;
  if (result === undefined || !("latency" in result)) throw new Error(`${task} did not run`);
  return result.latency.p50;
}

const results: Record<string, Record<string, unknown>> = {};
console.log(
  `fp32 matmul (Deno ${Deno.version.deno}, V8 ${Deno.version.v8}); max |Tensor - naive| ${
    maxDiff.toExponential(1)
  }`,
);
for (const { name, m, k, n } of SHAPES) {
  const flops = 2 * m * k * n;
  const mathjs = median(`${name} | mathjs.multiply`);
  console.log(`\n${name} (${(flops / 1e6).toFixed(1)} MFLOP)`);
  results[name] = {};
  for (const candidate of CANDIDATES) {
    const ms = median(`${name} | ${candidate}`);
    const gflops = flops / (ms * 1e6);
    const vsMathjs = mathjs / ms;
    results[name][candidate] = { medianMs: ms, gflops, vsMathjs };
    console.log(
      `  ${candidate.padEnd(17)} median ${ms.toFixed(3).padStart(9)} ms  ${
        gflops.toFixed(2).padStart(6)
      } GFLOP/s  ${vsMathjs.toFixed(1).padStart(6)}x mathjs`,
    );
  }
}

const reports = new URL("../../reports/", import.meta.url);
await Deno.mkdir(reports, { recursive: true });
const report = {
  date: new Date().toISOString(),
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  shapes: SHAPES,
  maxAbsDiffVsNaive: maxDiff,
  medianUnit: "ms",
  ratio: "vsMathjs = mathjs median / candidate median (higher is faster)",
  results,
  sink,
};
await Deno.writeTextFile(
  new URL("bench_tensor.json", reports),
  JSON.stringify(report, null, 2) + "\n",
);
console.log(`\nwrote ${new URL("bench_tensor.json", reports).pathname}`);
