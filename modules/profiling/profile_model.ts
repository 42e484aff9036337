import { asTensorLike, isLayer, layerParameters, leafLayers, type NamedLayer } from "./_layers.ts";
import { countFlops } from "./count_flops.ts";
import { measureLatency } from "./measure_latency.ts";
import { type MachineBalance, measureMachine } from "./measure_machine.ts";
import { type LayerMeasurement, profileRow } from "./profile_row.ts";
import { type Precision, type ProfiledRow, rooflineVerdict } from "./roofline_verdict.ts";
import type { Model, TensorLike } from "./protocol.ts";

/** Options of {@linkcode profileModel}. */
export interface ProfileOptions {
  /** Called after each timed step with `(done, total)`; `total` is the number of layers + 1. */
  onProgress?: (done: number, total: number) => void;
  /** Timed runs per layer and for the whole model; default 50. */
  iterations?: number;
  /** Untimed warm-up runs before each; default 10. */
  warmup?: number;
  /** The machine balance to judge against; default `await measureMachine()` (measured once). */
  machine?: MachineBalance;
}

/** The result of {@linkcode profileModel}. */
export interface ModelProfile {
  /** One row per leaf layer, in execution order, each with its verdict. */
  readonly layers: ProfiledRow[];
  /**
   * The whole model as one row: sums over the layers (parameters of shared weights are summed per
   * layer), timed as ONE forward pass of the model (so `medianMs` includes what the per-layer
   * times miss, e.g. the container's own overhead).
   */
  readonly total: ProfiledRow;
  /** The measured machine balance the verdicts use. */
  readonly machine: MachineBalance;
}

/** A container without `forward` of its own runs its leaves in order. */
function chain(leaves: readonly NamedLayer[]): (x: TensorLike) => Promise<unknown> {
  return async (x) => {
    let y: unknown = x;
    for (const { layer } of leaves) y = await layer.forward(y as TensorLike);
    return y;
  };
}

function sum(rows: readonly LayerMeasurement[], key: keyof LayerMeasurement): number {
  return rows.reduce((s, r) => s + (r[key] as number), 0);
}

/**
 * Profiles a model layer by layer on a real input: for each leaf layer its output shape, parameters,
 * FLOPs (by `countFlops`), bytes (real `nbytes`), median latency (by `measureLatency` on the input
 * that layer really receives), achieved GFLOP/s, arithmetic intensity and roofline verdict against
 * the MEASURED machine balance (`measureMachine`); plus the same for the whole model. Each row is
 * built by `profileRow` and then judged by `rooflineVerdict` against the compute roof of the layer's
 * `precision` (int8 layers against the int8 roof, if measured), which also knows the roofs' spread:
 * near the ridge it says `"balanced"`, and a row faster than the roofs allow is `"above-roof"` (a
 * measurement problem, not a verdict).
 * Long-running: it reports progress through `onProgress` and never prints.
 *
 * @example Usage
 * ```ts
 * import { profileModel } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const input = { shape: [1, 4], nbytes: 16 };
 * const copy = { forward: (x: typeof input) => ({ ...x }) };
 * const roof = { best: 1, median: 1, worst: 1, runs: 1, kernel: "given" };
 * const machine = { gflops: 1, gbPerSecond: 10, ridge: 0.1, ridgeRange: { low: 0.1, high: 0.1 },
 *   compute: roof, memory: { ...roof, best: 10 },
 *   details: { matmulSize: 0, copyBytes: 0, kernels: [], measuredAt: "" } };
 * const p = await profileModel(copy, input, { iterations: 5, warmup: 1, machine });
 * assert.equal(p.layers.length, 1);
 * assert.equal(p.layers[0].flops, 4);
 * ```
 *
 * @param model A layer or a container.
 * @param input A real input, batch first.
 * @param options Progress callback, iteration counts, machine balance.
 * @returns The rows, the total and the machine balance used.
 * @throws {TypeError} If `model` is not a model or `input` is not tensor-like.
 */
export async function profileModel(
  model: Model,
  input: TensorLike,
  options: ProfileOptions = {},
): Promise<ModelProfile> {
  const { onProgress, iterations = 50, warmup = 10 } = options;
  const timing = { iterations, warmup };
  const machine = options.machine ?? await measureMachine();
  const leaves = leafLayers(model, "profile");
  const measured: LayerMeasurement[] = [];
  const precisions: Precision[] = [];
  let x = asTensorLike(input, "The input");
  for (const { name, layer } of leaves) {
    const stats = await measureLatency((t: TensorLike) => layer.forward(t), x, timing);
    const y = asTensorLike(await layer.forward(x), `Layer ${name}`);
    const parameters = layerParameters(layer);
    measured.push({
      name,
      outputShape: y.shape,
      parameters: parameters.reduce((s, p) => s + p.size, 0),
      parameterBytes: parameters.reduce((s, p) => s + p.nbytes, 0),
      inputBytes: x.nbytes,
      outputBytes: y.nbytes,
      flops: countFlops(layer, x.shape).total,
      medianMs: stats.median,
    });
    precisions.push(layer.precision === "int8" ? "int8" : "float32");
    onProgress?.(measured.length, leaves.length + 1);
    x = y;
  }
  const whole = await measureLatency(isLayer(model) ? model : chain(leaves), input, timing);
  onProgress?.(leaves.length + 1, leaves.length + 1);
  const judged = (row: ReturnType<typeof profileRow>, precision: Precision): ProfiledRow => ({
    ...row,
    precision,
    ...rooflineVerdict(row, machine, precision),
  });
  const total = profileRow({
    name: "total",
    outputShape: x.shape,
    parameters: sum(measured, "parameters"),
    parameterBytes: sum(measured, "parameterBytes"),
    inputBytes: sum(measured, "inputBytes"),
    outputBytes: sum(measured, "outputBytes"),
    flops: sum(measured, "flops"),
    medianMs: whole.median,
  }, machine);
  return {
    layers: measured.map((m, i) => judged(profileRow(m, machine), precisions[i])),
    // The whole model may reach the highest roof any of its layers is judged against.
    total: judged(total, precisions.includes("int8") ? "int8" : "float32"),
    machine,
  };
}
