// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
/**
 * `deno run -A modules/layers/linear_bench.ts`: which way should `linear()` compute `x @ Wᵀ + b`?
 * Candidates, on the MNIST MLP's first layer (784→128) at batch 1, 64 and 1000:
 * - `transpose+matmul`: `x.matmul(weight.transpose()).add(bias)` (tensor ops only);
 * - `matmulF32(Wᵀ)`: transpose W, the tensor module's tiled kernel, bias added in place;
 * - `row dots`: `y[b,o] = x[b,:]·W[o,:] + bias[o]`, both rows contiguous, no transpose;
 * - `linear()`: what the module ships (`matmulF32` with `transposeB`, no copy). Writes
 *   `reports/linear_bench.json`.
 *
 * @module
 */
import { Bench } from "tinybench";
import { matmulF32, rand, Tensor } from "@tinytorch/tensor";
import { linear } from "./linear.ts";

// A benchmark candidate, separate on purpose: the plain loop the shipped kernel is timed against.
function rowDots(x: Tensor, w: Tensor, bias: Tensor): Tensor {
  const [out, k] = w.shape;
  const rows = x.size / k;
  const xs = x.data as Float32Array, ws = w.data as Float32Array, bs = bias.data;
  const y = new Float32Array(rows * out);
  for (let r = 0; r < rows; r++) {
    const xr = r * k;
    for (let o = 0; o < out; o++) {
      const wr = o * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += xs[xr + p] * ws[wr + p];
      y[r * out + o] = s + bs[o];
    }
  }
  return new Tensor(y, [...x.shape.slice(0, -1), out]);
}

function viaKernel(x: Tensor, w: Tensor, bias: Tensor): Tensor {
  const [out, k] = w.shape;
  const rows = x.size / k;
  const y = matmulF32(x.data as Float32Array, w.transpose().data as Float32Array, rows, k, out);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < out; o++) y[r * out + o] += bias.data[o];
  }
  return new Tensor(y, [...x.shape.slice(0, -1), out]);
}

const weight = rand([128, 784], { seed: 1, low: -0.05, high: 0.05 });
const bias = rand([128], { seed: 2, low: -0.05, high: 0.05 });
const results: Record<string, Record<string, number>> = {};
for (const batch of [1, 64, 1000]) {
  const x = rand([batch, 784], { seed: 3 });
  const bench = new Bench({ time: 400 });
  bench.add("transpose+matmul", () => void x.matmul(weight.transpose()).add(bias));
  bench.add("matmulF32(Wt)", () => void viaKernel(x, weight, bias));
  bench.add("row dots", () => void rowDots(x, weight, bias));
  bench.add("linear()", () => void linear(x, weight, bias));
  await bench.run();
  const medians: Record<string, number> = {};
  for (const t of bench.tasks) {
    const result = t.result;
    if (result === undefined || !("latency" in result)) throw new Error(`${t.name} did not run`);
    medians[t.name] = result.latency.p50 ?? NaN;
  }
  const base = medians["transpose+matmul"];
  console.log(`batch ${batch} (784→128), median ms and speed-up over transpose+matmul:`);
  for (const [name, ms] of Object.entries(medians)) {
    console.log(`  ${name.padEnd(18)} ${ms.toFixed(4).padStart(9)} ms  ×${(base / ms).toFixed(2)}`);
  }
  results[`batch${batch}`] = medians;
}
await Deno.mkdir(new URL("../../reports/", import.meta.url), { recursive: true });
await Deno.writeTextFile(
  new URL("../../reports/linear_bench.json", import.meta.url),
  JSON.stringify({ deno: Deno.version.deno, medianMs: results }, null, 2) + "\n",
);
