import { asTensorLike, layerParameters, leafLayers } from "./_layers.ts";
import type { Model, ParameterLike, TensorLike } from "./protocol.ts";

/**
 * Whether two tensors share memory: the same object, or views of one buffer (given code).
 *
 * @param a A tensor.
 * @param b Another.
 * @returns `true` when `b` allocated no new bytes beyond `a`'s.
 */
export function sharesMemory(a: TensorLike, b: TensorLike): boolean {
  if (a === b) return true;
  const da = (a as { data?: unknown }).data;
  const db = (b as { data?: unknown }).data;
  return ArrayBuffer.isView(da) && ArrayBuffer.isView(db) && da.buffer === db.buffer;
}

/** Memory of one leaf layer in {@linkcode measureMemory}. */
export interface LayerMemory {
  /** Index path and layer, e.g. `"0:Linear(784, 128)"`. */
  readonly name: string;
  /** The shape of the output the layer really returned. */
  readonly outputShape: number[];
  /** Bytes of the layer's own parameters. */
  readonly parameterBytes: number;
  /** Bytes of its input. */
  readonly inputBytes: number;
  /**
   * Bytes of its output (`nbytes` of what `forward` returned), or 0 when the output shares its
   * input's memory (an identity such as Dropout in eval mode, or a view such as a reshape).
   */
  readonly outputBytes: number;
  /** Bytes live while it runs: all the model's parameters + its input + its output. */
  readonly liveBytes: number;
}

/** The result of {@linkcode measureMemory}, in bytes. */
export interface MemoryReport {
  /** Bytes of all parameters (each parameter object once), from their `nbytes`. */
  readonly parameterBytes: number;
  /** Sum of `nbytes` over every intermediate output of the forward pass (the last one included). */
  readonly activationBytes: number;
  /** The largest `liveBytes` of any layer (parameters + input bytes if there are no layers). */
  readonly peakBytes: number;
  /** One entry per leaf layer, in execution order. */
  readonly layers: LayerMemory[];
}

/**
 * Measures the memory of one real forward pass of `model` on `input`. Nothing is estimated: every
 * byte count is the `nbytes` (typed-array `byteLength`) of a real parameter or of a real output.
 *
 * Run the leaf layers (the given `leafLayers(model, "measure the memory of")`) one by one, each on
 * the previous output (`await` each `forward`: a layer may return a promise; check each output
 * with the given `asTensorLike`). Then:
 * - `parameterBytes`: the sum of `nbytes` over the parameters of all layers, each parameter
 *   object counted once (a shared weight is stored once);
 * - `activationBytes`: the sum of the outputs' `nbytes`;
 * - memory model for the peak: while layer i runs, the live tensors are the parameters, layer i's
 *   input and layer i's output (earlier activations are garbage); `peakBytes` is the largest such
 *   sum. This is a lower bound on what the runtime really holds (temporaries inside `forward`
 *   and the garbage collector's lag come on top); it is what a careful runtime needs.
 *
 * `Linear(784, 128)` in float32 holds 784·128·4 + 128·4 = 401,920 parameter bytes.
 *
 * @example Usage
 * ```ts
 * import { measureMemory } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const input = { shape: [1, 4], nbytes: 16 };
 * const double = { forward: (x: typeof input) => ({ shape: x.shape, nbytes: x.nbytes }) };
 * assert.equal((await measureMemory(double, input)).peakBytes, 32);
 * ```
 *
 * @param model A layer or a container.
 * @param input The input of the forward pass.
 * @returns The byte counts and the per-layer breakdown.
 * @throws {TypeError} If `model` is not a model, or `input` or an output is not tensor-like.
 */
export async function measureMemory(model: Model, input: TensorLike): Promise<MemoryReport> {
  // #region solution profiling.3
  let x = asTensorLike(input, "The input");
  const unique = new Set<ParameterLike>();
  const steps: Omit<LayerMemory, "liveBytes">[] = [];
  for (const { name, layer } of leafLayers(model, "measure the memory of")) {
    const parameters = layerParameters(layer);
    for (const p of parameters) unique.add(p);
    const y = asTensorLike(await layer.forward(x), `Layer ${name}`);
    steps.push({
      name,
      outputShape: [...y.shape],
      parameterBytes: parameters.reduce((sum, p) => sum + p.nbytes, 0),
      inputBytes: x.nbytes,
      outputBytes: sharesMemory(x, y) ? 0 : y.nbytes,
    });
    x = y;
  }
  let parameterBytes = 0;
  for (const p of unique) parameterBytes += p.nbytes;
  const layers = steps.map((s) => ({
    ...s,
    liveBytes: parameterBytes + s.inputBytes + s.outputBytes,
  }));
  return {
    parameterBytes,
    activationBytes: layers.reduce((sum, l) => sum + l.outputBytes, 0),
    peakBytes: layers.reduce(
      (peak, l) => Math.max(peak, l.liveBytes),
      parameterBytes + input.nbytes,
    ),
    layers,
  };
  // #endregion
}
