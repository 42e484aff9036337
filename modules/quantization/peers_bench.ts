// deno-lint-ignore-file no-console -- a benchmark script: printing is its job
/**
 * `deno task bench:peers`: our int8 and float32 kernels against ONNX Runtime on one thread, at
 * 784→128 for batch 1, 8, 32 and 256, like for like:
 *
 * - our int8 kernel alone (`createInt8Linear(...).run`, 7-bit uint8 inputs, int32 out) against
 *   the peer's `MatMulInteger` (uint8 × int8, int32 out);
 * - our whole int8 layer (`QuantizedLinear.forwardInt8`: float in, quantize, kernel, rescale,
 *   float out) against the peer's `QLinearMatMul` (uint8 in, per-column int8 weights, int8 out);
 * - our float32 Wasm SIMD kernel (`createFloat32Linear(...).run`) against the peer's `MatMul`.
 *
 * Peers: `onnxruntime-web` (its Wasm SIMD backend, `numThreads = 1`), and `onnxruntime-node`
 * (native, one intra-op thread) when it is installed: it is never a dependency; the bench looks
 * for it in `$ORT_NODE_DIR`, `./node_modules` and npm's global folder. The graphs are one node
 * each with the weights as initializers (`_peer_graphs.ts`). Before anything is timed every
 * candidate's output is checked against naive loops: int32 exactly, int8 within one step of the
 * float64 requantization, float32 to rounding; a wrong candidate stops the run.
 *
 * Each of `--runs=3` rounds is one tinybench run of every task (the peers' `session.run` is
 * async, ours is not: its promise is part of their API's cost). Prints the median over the
 * rounds, GOP/s and the ours/peer throughput ratio (peer median / our median: above 1 we are
 * faster), with the load average, and the same ratio between the fastest samples (what each
 * side does when it has its core to itself); writes `reports/bench_peers.json`.
 *
 * ```sh
 * deno task bench:peers [--runs=3] [--time=300]
 * ```
 *
 * @module
 */
import * as ortWeb from "onnxruntime-web";
import { createRequire } from "node:module";
import { Bench } from "tinybench";
import { randomValues } from "@tinytorch/course";
import { Linear } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import {
  createFloat32Linear,
  createInt8Linear,
  inputQuantization,
  QuantizedLinear,
} from "./mod.ts";
import { relaxedKernelForm } from "./kernels/available_kernels.ts";
import { loadText, median } from "./kernels/_bench_util.ts";
import { matMulIntegerModel, matMulModel, qlinearMatMulModel, transpose } from "./_peer_graphs.ts";

const BATCHES = [1, 8, 32, 256];
const [N, K] = [128, 784];
const arg = (name: string, fallback: number) =>
  Number(Deno.args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const RUNS = arg("runs", 3);
const TIME = arg("time", 300);

// deno-lint-ignore no-explicit-any -- the two ONNX Runtime packages share onnxruntime-common's API
type Ort = any;
interface Peer {
  name: string;
  version: string;
  ort: Ort;
  options: Record<string, unknown>;
}

/** onnxruntime-node, if installed somewhere we look (never a dependency), else null. */
async function findOrtNode(): Promise<{ ort: Ort; version: string; dir: string } | null> {
  const dirs = [Deno.env.get("ORT_NODE_DIR"), `${Deno.cwd()}/node_modules/onnxruntime-node`];
  try {
    const npm = await new Deno.Command("npm", { args: ["root", "-g"], stderr: "null" }).output();
    if (npm.success) {
      dirs.push(`${new TextDecoder().decode(npm.stdout).trim()}/onnxruntime-node`);
    }
  } catch {
    // no npm on PATH
  }
  for (const dir of dirs) {
    if (!dir) continue;
    let version: string;
    try {
      version = JSON.parse(await Deno.readTextFile(`${dir}/package.json`)).version;
    } catch {
      continue;
    }
    const require = createRequire(`${dir}/package.json`);
    return { ort: require(dir), version, dir };
  }
  return null;
}

ortWeb.env.wasm.numThreads = 1;
const peers: Peer[] = [{
  name: "ort-web",
  version: ortWeb.env.versions?.web ?? "?",
  ort: ortWeb,
  options: { executionProviders: ["wasm"] },
}];
const node = await findOrtNode();
if (node) {
  peers.push({
    name: "ort-node",
    version: node.version,
    ort: node.ort,
    options: { executionProviders: ["cpu"], intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
}

// --- the layer, its weights and inputs -------------------------------------------------------

const linear = new Linear(K, N, { seed: 7 });
const layerOptions = { inputRange: { min: 0, max: 1 }, maxBatch: Math.max(...BATCHES) };
const layer = QuantizedLinear.fromLinear(linear, layerOptions);
const input = inputQuantization(layerOptions.inputRange);
const wq = layer.weight.values.data as Int8Array; // [N, K] int8, symmetric per output row
const wScale = layer.weight.scale; // [N]
// The bias as the layer adds it, whatever its storage: the output for an all-zero input.
const bias = layer.forwardInt8(new Tensor(new Float32Array(K), [1, K])).data;
const wf = Float32Array.from(linear.weight.data);
const int8Kernel = createInt8Linear(wq, [N, K], layerOptions);
const floatKernel = createFloat32Linear(wf, [N, K], layerOptions);

/**
 * Inputs `x = q · s_in` for seeded integers q in [0, 127]: then `x / s_in` is q to within
 * rounding, far from a tie, so every quantizer rounds it to q and the oracles below can start
 * from q.
 */
function inputs(m: number, seed: number) {
  const q = Uint8Array.from(randomValues(m * K, { seed, min: 0, max: 128, integers: true }));
  const x = Float32Array.from(q, (v) => v * input.scale);
  return { q, x, xq: new Int8Array(q.buffer) };
}

// --- oracles (naive loops, shared with nothing they check) ------------------------------------

function naiveAcc(q: Uint8Array, w: Int8Array, m: number): Float64Array {
  const out = new Float64Array(m * N);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let p = 0; p < K; p++) sum += q[i * K + p] * w[j * K + p];
      out[i * N + j] = sum;
    }
  }
  return out;
}

function naiveFloat(x: Float32Array, w: Float32Array, m: number): Float64Array {
  const out = new Float64Array(m * N);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let p = 0; p < K; p++) sum += x[i * K + p] * w[j * K + p];
      out[i * N + j] = sum;
    }
  }
  return out;
}

/** Throws unless every `|got − want| ≤ atol + rtol · |want|`. */
function check(
  what: string,
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  atol: number,
  rtol: number,
) {
  if (got.length !== want.length) {
    throw new Error(`${what}: ${got.length} outputs, the oracle has ${want.length}`);
  }
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= atol + rtol * Math.abs(want[i]))) {
      throw new Error(`${what} is wrong: output ${i} is ${got[i]}, the oracle says ${want[i]}`);
    }
  }
}

// --- candidates -------------------------------------------------------------------------------

interface Task {
  batch: number;
  group: "int8 kernel" | "int8 layer" | "float32 kernel";
  who: string;
  fn: () => unknown;
}
const tasks: Task[] = [];
let sink = 0;
const wt = transpose(wq, N, K);
const wft = transpose(wf, N, K);

for (const m of BATCHES) {
  const { q, x, xq } = inputs(m, 100 + m);
  const acc = naiveAcc(q, wq, m);
  const floatWant = naiveFloat(x, wf, m);
  // Our layer: y = acc · s_in · s_w[n] + bias[n]. QLinearMatMul: y_int8 = round(acc · s_in · s_w / s_y).
  const layerWant = acc.map((a, i) => a * input.scale * wScale[i % N] + bias[i % N]);
  const yScale = Math.fround(Math.max(...acc.map((a, i) => Math.abs(a * wScale[i % N]))) / 127) *
    input.scale;
  const qlinearWant = acc.map((a, i) =>
    Math.max(-128, Math.min(127, Math.round(a * input.scale * wScale[i % N] / yScale)))
  );

  const xTensor = new Tensor(x, [m, K]);
  const ours: Task[] = [
    { batch: m, group: "int8 kernel", who: "ours", fn: () => int8Kernel.run(xq, m) },
    { batch: m, group: "int8 layer", who: "ours", fn: () => layer.forwardInt8(xTensor).data },
    { batch: m, group: "float32 kernel", who: "ours", fn: () => floatKernel.run(x, m) },
  ];
  check(`ours int8 kernel, batch ${m}`, ours[0].fn() as Int32Array, acc, 0, 0);
  check(`ours int8 layer, batch ${m}`, ours[1].fn() as Float32Array, layerWant, 1e-6, 1e-5);
  check(`ours float32 kernel, batch ${m}`, ours[2].fn() as Float32Array, floatWant, 1e-5, 1e-5);
  tasks.push(...ours);

  for (const peer of peers) {
    const { ort } = peer;
    const session = (bytes: Uint8Array) => ort.InferenceSession.create(bytes, peer.options);
    const a = new ort.Tensor("uint8", q, [m, K]);
    const as = new ort.Tensor("int8", xq, [m, K]);
    const af = new ort.Tensor("float32", x, [m, K]);
    const integer = await session(matMulIntegerModel(wt, m, K, N));
    const qlinear = await session(
      qlinearMatMulModel(wt, m, K, N, {
        aScale: input.scale,
        bScale: wScale,
        yScale,
      }),
    );
    const float = await session(matMulModel(wft, m, K, N));
    const theirs: Task[] = [
      { batch: m, group: "int8 kernel", who: peer.name, fn: () => integer.run({ A: a }) },
      { batch: m, group: "int8 layer", who: peer.name, fn: () => qlinear.run({ A: as }) },
      { batch: m, group: "float32 kernel", who: peer.name, fn: () => float.run({ A: af }) },
    ];
    const [yi, yq, yf] = await Promise.all(theirs.map((t) => t.fn() as Promise<Ort>));
    check(`${peer.name} MatMulInteger, batch ${m}`, yi.Y.data, acc, 0, 0);
    check(`${peer.name} QLinearMatMul, batch ${m}`, yq.Y.data, qlinearWant, 1, 0);
    check(`${peer.name} MatMul, batch ${m}`, yf.Y.data, floatWant, 1e-5, 1e-5);
    tasks.push(...theirs);
  }
}

// --- timing -------------------------------------------------------------------------------------

const key = (t: Task) => `batch ${t.batch} | ${t.group} | ${t.who}`;
const runs = new Map<string, number[]>();
const fastest = new Map<string, number>();
const loads: string[] = [];
for (let round = 0; round < RUNS; round++) {
  const bench = new Bench({ time: TIME, warmupTime: 100 });
  for (const t of tasks) {
    const result = t.fn();
    if (result instanceof Promise) {
      bench.add(key(t), async () => {
        sink += (await (t.fn() as Promise<Ort>)).Y.data[0];
      });
    } else bench.add(key(t), () => void (sink += (t.fn() as ArrayLike<number>)[0]));
  }
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r === undefined || !("latency" in r)) throw new Error(`${task.name} did not run`);
    runs.set(task.name, [...runs.get(task.name) ?? [], r.latency.p50]);
    fastest.set(task.name, Math.min(fastest.get(task.name) ?? Infinity, r.latency.min));
  }
  loads.push(loadText());
}

// --- report ---------------------------------------------------------------------------------------

const PEER_OP = {
  "int8 kernel": "MatMulInteger",
  "int8 layer": "QLinearMatMul",
  "float32 kernel": "MatMul",
};
const results: Record<string, Record<string, Record<string, unknown>>> = {};
console.log(
  `ours vs ONNX Runtime, 784→128, one thread (Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; ` +
    `relaxed int8 kernel, ${relaxedKernelForm()} build; float32 kernel ${floatKernel.kernel})`,
);
console.log(
  `peers: ${peers.map((p) => `${p.name} ${p.version}`).join(", ")}` +
    (node ? ` (onnxruntime-node from ${node.dir})` : " (onnxruntime-node not installed)"),
);
for (const [i, load] of loads.entries()) console.log(`  run ${i + 1}: ${load}`);
console.log(`median of ${RUNS} runs; ratio = peer median / our median (above 1: ours is faster)`);
for (const group of ["int8 kernel", "int8 layer", "float32 kernel"] as const) {
  console.log(`\n${group}: ours vs ${PEER_OP[group]}`);
  for (const m of BATCHES) {
    const ops = 2 * m * N * K;
    const ms = (who: string) => median(runs.get(`batch ${m} | ${group} | ${who}`)!);
    const best = (who: string) => fastest.get(`batch ${m} | ${group} | ${who}`)!;
    const row: Record<string, unknown> = {};
    const ourMs = ms("ours");
    const cells = [
      `ours ${(ourMs * 1000).toFixed(1).padStart(8)} µs ${
        (ops / (ourMs * 1e6)).toFixed(1).padStart(6)
      } GOP/s`,
    ];
    row.ours = {
      medianMs: ourMs,
      runsMs: runs.get(`batch ${m} | ${group} | ours`),
      gops: ops / (ourMs * 1e6),
    };
    for (const peer of peers) {
      const peerMs = ms(peer.name);
      row[peer.name] = {
        medianMs: peerMs,
        runsMs: runs.get(`batch ${m} | ${group} | ${peer.name}`),
        gops: ops / (peerMs * 1e6),
        oursPerPeer: peerMs / ourMs,
        fastestMs: best(peer.name),
        fastestOursPerPeer: best(peer.name) / best("ours"),
      };
      cells.push(
        `${peer.name} ${(peerMs * 1000).toFixed(1).padStart(8)} µs ${
          (ops / (peerMs * 1e6)).toFixed(1).padStart(6)
        } GOP/s  ours/peer ${(peerMs / ourMs).toFixed(2).padStart(5)}x (fastest ${
          (best(peer.name) / best("ours")).toFixed(2)
        }x)`,
      );
    }
    (results[group] ??= {})[`batch ${m}`] = row;
    console.log(`  batch ${String(m).padEnd(4)} ${cells.join("   ")}`);
  }
}

const reports = new URL("../../reports/", import.meta.url);
await Deno.mkdir(reports, { recursive: true });
const out = new URL("bench_peers.json", reports);
await Deno.writeTextFile(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      deno: Deno.version.deno,
      v8: Deno.version.v8,
      shape: { inFeatures: K, outFeatures: N },
      batches: BATCHES,
      runs: RUNS,
      loads,
      relaxedForm: relaxedKernelForm(),
      peers: peers.map(({ name, version }) => ({ name, version })),
      peerOps: PEER_OP,
      ratio:
        "oursPerPeer = peer median / our median (above 1: ours is faster); fastestOursPerPeer the same for the fastest samples",
      medianUnit: "ms",
      results,
      sink,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${out.pathname}`);
