import type { Linear } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import { Bench } from "tinybench";
import {
  availableFloat32Kernels,
  availableKernels,
  createFloat32Linear,
  type KernelName,
} from "./kernels/mod.ts";
import type { ObservedRange } from "./min_max_observer.ts";
import { QuantizedLinear } from "./quantized_linear.ts";

/** One candidate's timing in {@linkcode benchmarkForwardPaths}. */
export interface ForwardTiming {
  /**
   * `"fp32"` (the course's `Linear`), `"best fp32"` (the float32 Wasm SIMD kernel),
   * `"simulated"`, `"int8 relaxed"`, `"int8 dot16"` or `"int8 scalar"`.
   */
  readonly name: string;
  /** Median time of one forward call, milliseconds. */
  readonly medianMs: number;
  /** Samples tinybench took. */
  readonly samples: number;
  /** `2·rows·in·out / median`, in GFLOP/s (integer operations for the int8 paths). */
  readonly gflops: number;
  /** The simulated path's median divided by this one (higher is faster). */
  readonly vsSimulated: number;
  /**
   * The best float path's median (`"best fp32"`) divided by this one, or null on an engine
   * without Wasm SIMD (no float32 kernel).
   */
  readonly vsBestFp32: number | null;
}

/** Options of {@linkcode benchmarkForwardPaths}. */
export interface ForwardBenchmarkOptions {
  /** The calibrated input range; default the min/max of `x`. */
  inputRange?: ObservedRange;
  /** Which int8 kernels to time; default every available one. */
  kernels?: readonly KernelName[];
  /** Milliseconds per candidate; default 500. */
  time?: number;
  /** Per-channel weights; default true. */
  perChannel?: boolean;
}

function rangeOf(x: Tensor): ObservedRange {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x.data) [min, max] = [Math.min(min, v), Math.max(max, v)];
  return { min, max };
}

/**
 * Times, in ONE tinybench run, the float32 layer (weights resident), the best float path (the same
 * layer on the float32 Wasm SIMD kernel, `createFloat32Linear`: the honest baseline for what int8
 * buys), the simulated path (dequantize the weights on every call, then the float32 matmul) and
 * the integer path with each kernel, on the same input. Each candidate has its own call site.
 * Speed is measured here, never assumed; on a shared machine expect ±30% between runs, and
 * compare ratios from one run.
 *
 * @param layer The float32 layer to quantize.
 * @param x The input batch `[rows, inFeatures]`.
 * @param options Input range, kernels, time per candidate.
 * @returns One timing per candidate, float32 and simulated first.
 */
export async function benchmarkForwardPaths(
  layer: Linear,
  x: Tensor,
  options: ForwardBenchmarkOptions = {},
): Promise<ForwardTiming[]> {
  const { time = 500, perChannel = true } = options;
  const inputRange = options.inputRange ?? rangeOf(x);
  const kernels = (options.kernels ?? availableKernels()).filter((k) =>
    availableKernels().includes(k)
  );
  const make = (kernel: KernelName) =>
    QuantizedLinear.fromLinear(layer, { inputRange, kernel, perChannel });
  const simulated = make(kernels[0] ?? "scalar");
  const relaxed = kernels.includes("relaxed") ? make("relaxed") : null;
  const dot16 = kernels.includes("dot16") ? make("dot16") : null;
  const scalar = kernels.includes("scalar") ? make("scalar") : null;
  let sink = 0;
  const bench = new Bench({ time, warmupTime: Math.min(200, time) });
  bench.add("fp32", () => {
    sink += layer.forward(x).data[0];
  });
  const rows = x.size / layer.inFeatures;
  if (availableFloat32Kernels().length > 0) {
    const best = createFloat32Linear(Float32Array.from(layer.weight.data), [
      layer.outFeatures,
      layer.inFeatures,
    ], { bias: layer.bias ? Float32Array.from(layer.bias.data) : null });
    const data = x.data instanceof Float32Array ? x.data : Float32Array.from(x.data);
    const outShape = [...x.shape.slice(0, -1), layer.outFeatures];
    bench.add("best fp32", () => {
      sink += new Tensor(best.run(data, rows), outShape).data[0];
    });
  }
  bench.add("simulated", () => {
    sink += simulated.forwardSimulated(x).data[0];
  });
  if (relaxed) {
    bench.add("int8 relaxed", () => {
      sink += relaxed.forwardInt8(x).data[0];
    });
  }
  if (dot16) {
    bench.add("int8 dot16", () => {
      sink += dot16.forwardInt8(x).data[0];
    });
  }
  if (scalar) {
    bench.add("int8 scalar", () => {
      sink += scalar.forwardInt8(x).data[0];
    });
  }
  await bench.run();
  const flops = 2 * rows * layer.inFeatures * layer.outFeatures;
  const medians = bench.tasks.map((t) => {
    const r = t.result;
    if (!r || !("latency" in r)) {
      throw new Error(`Cannot time "${t.name}": it did not run (${sink})`);
    }
    return { name: t.name, medianMs: r.latency.p50, samples: r.latency.samplesCount };
  });
  const simulatedMs = medians.find((m) => m.name === "simulated")!.medianMs;
  const bestMs = medians.find((m) => m.name === "best fp32")?.medianMs;
  return medians.map((m) => ({
    ...m,
    gflops: flops / (m.medianMs * 1e6),
    vsSimulated: simulatedMs / m.medianMs,
    vsBestFp32: bestMs === undefined ? null : bestMs / m.medianMs,
  }));
}
