import { Bench } from "tinybench";
import { type LatencyStats, latencyStats } from "./latency_stats.ts";

/** Options of {@linkcode measureLatency}. */
export interface LatencyOptions {
  /** Untimed runs first, so the JIT has compiled the hot code; default 10 (0 allowed). */
  warmup?: number;
  /** Timed runs, each one sample; default 100. */
  iterations?: number;
}

/** Something to time: a function of the input, or a model whose `forward` takes it. */
export type Timed<T> = ((input: T) => unknown) | { forward(input: T): unknown };

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

function countOption(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot measure latency with ${name} ${value}: expected an integer ≥ ${min}`,
    );
  }
  return value;
}

function callableOf<T>(fnOrModel: Timed<T>): { call: (input: T) => unknown; isAsync: boolean } {
  if (typeof fnOrModel === "function") {
    return { call: fnOrModel, isAsync: fnOrModel instanceof AsyncFunction };
  }
  if (fnOrModel !== null && typeof fnOrModel?.forward === "function") {
    const forward = fnOrModel.forward;
    return { call: (x) => forward.call(fnOrModel, x), isAsync: forward instanceof AsyncFunction };
  }
  const got = fnOrModel === null ? "null" : typeof fnOrModel;
  throw new TypeError(`Cannot measure latency of ${got}: expected a function or a model`);
}

/**
 * Times `fnOrModel(input)` (or `fnOrModel.forward(input)`) with tinybench: `warmup` untimed runs,
 * then exactly `iterations` timed runs, one sample each, summarized by {@linkcode latencyStats}.
 * Every sample is kept (tinybench's `retainSamples`), so the percentiles are computed from the
 * real samples. A function that returns a promise must be declared `async`; it is awaited.
 *
 * @example Usage
 * ```ts
 * import { measureLatency } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const stats = await measureLatency((n: number) => Math.sqrt(n), 2, { iterations: 20 });
 * assert.equal(stats.samples, 20);
 * ```
 *
 * @param fnOrModel The function or model to time.
 * @param input Its input, the same every run.
 * @param options Warm-up and iteration counts.
 * @returns Statistics of the samples in milliseconds.
 * @throws {RangeError} If `iterations` is not an integer ≥ 1 or `warmup` not an integer ≥ 0.
 * @throws {TypeError} If `fnOrModel` is neither a function nor a model with `forward`.
 */
export async function measureLatency<T>(
  fnOrModel: Timed<T>,
  input: T,
  options: LatencyOptions = {},
): Promise<LatencyStats> {
  const iterations = countOption("iterations", options.iterations ?? 100, 1);
  const warmup = countOption("warmup", options.warmup ?? 10, 0);
  const { call, isAsync } = callableOf(fnOrModel);
  const bench = new Bench({
    time: 0,
    iterations,
    warmup: warmup > 0,
    warmupTime: 0,
    warmupIterations: warmup,
    retainSamples: true,
    throws: true,
  });
  let sink: unknown;
  bench.add(
    "measured",
    isAsync
      ? async () => {
        sink = await call(input);
      }
      : () => {
        sink = call(input);
        if (sink instanceof Promise) {
          throw new TypeError("Cannot time a function that returns a promise: declare it async");
        }
      },
    { async: isAsync },
  );
  await bench.run();
  void sink;
  const result = bench.tasks[0].result;
  const samples = "latency" in result ? result.latency.samples : undefined;
  if (!samples || samples.length !== iterations) {
    throw new Error(
      `tinybench returned ${samples?.length ?? 0} samples for ${iterations} iterations`,
    );
  }
  return latencyStats([...samples]);
}
