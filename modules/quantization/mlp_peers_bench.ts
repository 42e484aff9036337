/**
 * The second half of `deno task bench:peers`: the whole quantized MNIST reference MLP
 * (784→128→ReLU→64→ReLU→10, per-channel int8) in the course against the same model exported by
 * `exportOnnx` and run in onnxruntime-web (Wasm backend, one thread), in the integer form and the
 * QDQ form, at batch 1 and 32, in one tinybench run per batch. Before timing, each ONNX file's
 * logits on 2,000 test digits are compared with the course's (predictions must agree). Prints
 * medians and ours/peer throughput ratios; writes `reports/bench_mlp_peers.json`.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
import * as ort from "onnxruntime-web";
import { loadMnist, referenceMlp } from "@tinytorch/datasets";
import { Bench } from "tinybench";
import { quantizeModel } from "./mod.ts";
import { exportOnnx } from "./onnx/mod.ts";

ort.env.wasm.numThreads = 1;
ort.env.logLevel = "error";
const time = Number(Deno.args.find((a) => a.startsWith("--time="))?.slice(7) ?? 1000);

const { train, test } = await loadMnist();
const fp32 = await referenceMlp();
const { model } = quantizeModel(fp32, train.images.slice(0, 500));
const forms = ["integer", "qdq"] as const;
const sessions = Object.fromEntries(
  await Promise.all(forms.map(async (form) => {
    const bytes = exportOnnx(model, { form });
    const s = await ort.InferenceSession.create(bytes, {
      executionProviders: ["wasm"],
      logSeverityLevel: 3,
    });
    return [form, s] as const;
  })),
);

const run = (form: (typeof forms)[number], x: Float32Array, rows: number) =>
  sessions[form].run({ input: new ort.Tensor("float32", x, [rows, 784]) });

function argmax(d: ArrayLike<number>, row: number): number {
  let best = 0;
  for (let j = 1; j < 10; j++) if (d[row * 10 + j] > d[row * 10 + best]) best = j;
  return best;
}

const ours = model.forward(test.images).data;
const all = test.images.data as Float32Array;
for (const form of forms) {
  const theirs = (await run(form, all, 2000)).output.data as Float32Array;
  let same = 0;
  for (let r = 0; r < 2000; r++) if (argmax(ours, r) === argmax(theirs, r)) same++;
  if (same !== 2000) throw new Error(`${form} form: only ${same} of 2000 predictions agree`);
  console.log(`${form} form: 2000 of 2000 predictions agree with the course's forward`);
}

const results: Record<string, Record<string, number>> = {};
for (const rows of [1, 32]) {
  const x = test.images.slice(0, rows);
  const data = x.data as Float32Array;
  const bench = new Bench({ time });
  bench.add("ours", () => model.forward(x));
  for (const form of forms) bench.add(`ort-web ${form}`, () => run(form, data, rows));
  await bench.run();
  const median = (name: string) => {
    const r = bench.getTask(name)?.result;
    if (!r || !("latency" in r)) throw new Error(`${name} did not run: ${JSON.stringify(r)}`);
    return r.latency.p50;
  };
  results[`batch ${rows}`] = Object.fromEntries(
    ["ours", ...forms.map((f) => `ort-web ${f}`)].map((n) => [n, median(n)]),
  );
  console.log(`\nwhole int8 MLP, batch ${rows} (medians, ms; ours / peer throughput)`);
  for (const [name, ms] of Object.entries(results[`batch ${rows}`])) {
    console.log(
      `  ${name.padEnd(16)} ${ms.toFixed(4).padStart(9)} ms  ${
        (ms / median("ours")).toFixed(2).padStart(6)
      }x`,
    );
  }
}
await Promise.all(Object.values(sessions).map((s) => s.release()));

const out = new URL("../../reports/bench_mlp_peers.json", import.meta.url);
await Deno.mkdir(new URL(".", out), { recursive: true });
await Deno.writeTextFile(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), ort: ort.env.versions.web, medianMs: results },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${out.pathname}`);
