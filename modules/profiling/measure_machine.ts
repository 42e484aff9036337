import { Bench } from "tinybench";
import { matmulF32 } from "@tinytorch/tensor";

/**
 * One roof, measured as a rate over repeated runs. Timing noise on a shared machine only ever adds
 * time, so `best` (from the fastest run) is the roof and `median`…`best` is the spread one run of
 * `measureMachine` saw.
 */
export interface RoofMeasurement {
  /** The highest rate of all runs: the roof (GFLOP/s, GOP/s or GB/s). */
  readonly best: number;
  /** The rate of the median run. */
  readonly median: number;
  /** The rate of the slowest run. */
  readonly worst: number;
  /** How many timed runs the rates come from. */
  readonly runs: number;
  /** The kernel (or copy) that reached `best`. */
  readonly kernel: string;
}

/** One compute kernel as `measureMachine` timed it. */
export interface KernelMeasurement {
  /** Its name, e.g. `"matmulF32 (@tinytorch/tensor)"`. */
  readonly name: string;
  /** The arithmetic it computes in. */
  readonly precision: "float32" | "int8";
  /** Its rates in GFLOP/s (float32) or GOP/s (int8), or `undefined` if it could not run. */
  readonly rate?: Omit<RoofMeasurement, "kernel">;
  /** Why it could not run (e.g. a stub's `NotImplementedError`), if it could not. */
  readonly error?: string;
}

/**
 * A compute kernel of a LATER module that `measureMachine` should time too (profiling never imports
 * later modules, so a caller that can, e.g. `tito`, passes the int8 kernel in).
 */
export interface ComputeKernel {
  /** Its name, shown in reports. */
  readonly name: string;
  /** The arithmetic it computes in: float32 kernels compete for the compute roof, int8 ones for the int8 roof. */
  readonly precision: "float32" | "int8";
  /**
   * Builds the operands of an n×n×n matrix product once and returns one call of it
   * (2·n³ operations). Called once per measurement, outside the timed region.
   */
  prepare(n: number): () => unknown;
}

/** What this runtime can do, measured: the two roofs of the roofline model, with their spread. */
export interface MachineBalance {
  /** The fp32 compute roof in GFLOP/s: `compute.best`. */
  readonly gflops: number;
  /** The memory roof in GB/s (10⁹ bytes, read + written): `memory.best`. */
  readonly gbPerSecond: number;
  /**
   * The ridge point in FLOP/byte: `gflops / gbPerSecond`. A computation doing fewer FLOPs per byte
   * moved than this is memory-bound here; more, compute-bound.
   */
  readonly ridge: number;
  /**
   * Where the ridge lies within the measured spread: from `compute.median / memory.best` to
   * `compute.best / memory.median` (medians, not the slowest runs: one hiccup of a neighbour must not
   * call everything balanced). An intensity inside it is too close to call on this run.
   */
  readonly ridgeRange: { readonly low: number; readonly high: number };
  /** The fp32 compute roof: the fastest of the course's fp32 matmul kernels, GFLOP/s. */
  readonly compute: RoofMeasurement;
  /** The memory roof: `Float32Array.set` on a buffer far larger than the caches, GB/s. */
  readonly memory: RoofMeasurement;
  /** The int8 compute roof in GOP/s, if an int8 kernel was passed in `kernels`. */
  readonly int8?: RoofMeasurement;
  /** How it was measured. */
  readonly details: {
    /** n of the n×n×n matmuls. */
    readonly matmulSize: number;
    /** Size of the copied buffer in bytes. */
    readonly copyBytes: number;
    /** Every compute kernel timed, in order, with its rates or why it could not run. */
    readonly kernels: readonly KernelMeasurement[];
    /** When, as an ISO date-time. */
    readonly measuredAt: string;
  };
}

/** Options of {@linkcode measureMachine}. */
export interface MachineOptions {
  /** n of the n×n×n matmuls, a multiple of 4; default 256. */
  matmulSize?: number;
  /** Bytes copied by `Float32Array.set`; default 64 MiB (much larger than the caches). */
  copyBytes?: number;
  /** Timed runs of each measurement; default 15. */
  iterations?: number;
  /** Compute kernels of later modules to time as well (e.g. the int8 kernel); default none. */
  kernels?: readonly ComputeKernel[];
}

/**
 * The course's one fp32 kernel in both of its layouts: whatever is fastest now is the compute
 * roof.
 */
const COURSE_KERNELS: readonly ComputeKernel[] = [
  {
    name: "matmulF32 transposeB (@tinytorch/tensor, Linear's layout)",
    precision: "float32",
    prepare(n) {
      const [a, b] = operands(n);
      return () => matmulF32(a, b, n, n, n, { transposeB: true });
    },
  },
  {
    name: "matmulF32 (@tinytorch/tensor, Tensor.matmul's layout)",
    precision: "float32",
    prepare(n) {
      const [a, b] = operands(n);
      return () => matmulF32(a, b, n, n, n);
    },
  },
];

function operands(n: number): [Float32Array, Float32Array] {
  return [
    new Float32Array(n * n).map((_, i) => (i % 7) - 3),
    new Float32Array(n * n).map((_, i) => (i % 5) - 2),
  ];
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot measure the machine with ${name} ${value}: expected an integer ≥ 1`,
    );
  }
  return value;
}

/** Times `run` and turns the fastest, median and slowest run into rates of `work / time`. */
async function rates(
  run: () => unknown,
  work: number,
  iterations: number,
): Promise<Omit<RoofMeasurement, "kernel">> {
  const bench = new Bench({
    time: 0,
    iterations,
    warmupTime: 0,
    warmupIterations: 3,
    throws: true,
  });
  let sink: unknown;
  bench.add("machine", () => {
    sink = run();
  }, { async: false });
  await bench.run();
  const result = bench.tasks[0].result;
  if (!("latency" in result)) throw new Error(`tinybench returned no latency statistics (${sink})`);
  const { min, p50, max, samplesCount } = result.latency;
  const rate = (ms: number) => work / (ms * 1e6);
  return { best: rate(min), median: rate(p50), worst: rate(max), runs: samplesCount };
}

/** The roof of a precision: the kernel with the highest best rate. */
function roof(
  kernels: readonly KernelMeasurement[],
  precision: "float32" | "int8",
): RoofMeasurement | undefined {
  let top: RoofMeasurement | undefined;
  for (const k of kernels) {
    if (k.precision === precision && k.rate && (!top || k.rate.best > top.best)) {
      top = { ...k.rate, kernel: k.name };
    }
  }
  return top;
}

async function measure(
  n: number,
  copyBytes: number,
  iterations: number,
  extra: readonly ComputeKernel[],
): Promise<MachineBalance> {
  const kernels: KernelMeasurement[] = [];
  for (const kernel of [...COURSE_KERNELS, ...extra]) {
    const { name, precision } = kernel;
    try {
      const rate = await rates(kernel.prepare(n), 2 * n ** 3, iterations);
      kernels.push({ name, precision, rate });
    } catch (e) {
      // A stub (NotImplementedError) or a kernel this engine lacks: no roof from it.
      kernels.push({
        name,
        precision,
        error: e instanceof Error ? `${e.name}: ${e.message}` : `${e}`,
      });
    }
  }
  const compute = roof(kernels, "float32");
  if (!compute) {
    throw new Error(
      `Cannot measure the compute roof: no fp32 kernel ran (${
        kernels.map((k) => `${k.name}: ${k.error}`).join("; ")
      })`,
    );
  }
  const src = new Float32Array(copyBytes / 4).fill(1);
  const dst = new Float32Array(copyBytes / 4);
  const memory = {
    ...await rates(() => dst.set(src), 2 * copyBytes, iterations),
    kernel: "Float32Array.set",
  };
  const int8 = roof(kernels, "int8");
  return {
    gflops: compute.best,
    gbPerSecond: memory.best,
    ridge: compute.best / memory.best,
    ridgeRange: { low: compute.median / memory.best, high: compute.best / memory.median },
    compute,
    memory,
    ...(int8 ? { int8 } : {}),
    details: { matmulSize: n, copyBytes, kernels, measuredAt: new Date().toISOString() },
  };
}

const cache = new Map<string, Promise<MachineBalance>>();

/**
 * Measures this runtime's machine balance with the fastest kernels the course has NOW:
 * - the compute roof (GFLOP/s, 2 FLOPs per multiply-add) is the best rate of an n×n×n fp32 matmul
 *   by the course's fp32 kernel, `matmulF32`, in both of its layouts (`transposeB`, behind
 *   `Linear`, and plain, behind `Tensor.matmul`; yours in a student tree: a faster one raises the
 *   roof, a stub is skipped), and of any float32 `kernels` passed in;
 * - the int8 roof (GOP/s), when `kernels` has int8 ones (module 15's kernels, passed in by a caller
 *   that may import them);
 * - the memory roof: the bandwidth of `Float32Array.set` on a buffer far larger than the caches
 *   (GB/s, bytes read + bytes written);
 * - their ratio, the roofline's ridge point (FLOP/byte), and the range the ridge spans within the
 *   measured spread (`ridgeRange`).
 *
 * Each measurement is `iterations` tinybench runs after 3 warm-up runs. A roof is the FASTEST run
 * (what the machine can reach; on a shared machine the slower runs measure the neighbours, which is
 * why STREAM reports its best rate), and the median and slowest runs are kept as its spread.
 * Measured once per process and option set, then cached: later calls return the same numbers.
 *
 * @example Usage
 * ```ts
 * import { measureMachine } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const m = await measureMachine({ matmulSize: 64, copyBytes: 1 << 20, iterations: 3 });
 * assert.ok(m.gflops > 0 && m.gbPerSecond > 0);
 * assert.ok(m.compute.median <= m.compute.best);
 * assert.equal(m.ridge, m.gflops / m.gbPerSecond);
 * assert.ok(m.ridgeRange.low <= m.ridge && m.ridge <= m.ridgeRange.high);
 * ```
 *
 * @param options Problem sizes, iteration count and extra kernels.
 * @returns The measured balance.
 * @throws {RangeError} If a size or count is not a positive integer, or `matmulSize` or
 * `copyBytes` is not a multiple of 4.
 */
export function measureMachine(options: MachineOptions = {}): Promise<MachineBalance> {
  const n = positiveInteger("matmulSize", options.matmulSize ?? 256);
  const copyBytes = positiveInteger("copyBytes", options.copyBytes ?? 64 * 1024 * 1024);
  const iterations = positiveInteger("iterations", options.iterations ?? 15);
  const kernels = options.kernels ?? [];
  if (n % 4 !== 0) {
    throw new RangeError(`Cannot measure the machine with matmulSize ${n}: not a multiple of 4`);
  }
  if (copyBytes % 4 !== 0) {
    throw new RangeError(`Cannot copy ${copyBytes} bytes of float32: not a multiple of 4`);
  }
  const key = JSON.stringify([n, copyBytes, iterations, kernels.map((k) => k.name)]);
  let found = cache.get(key);
  if (!found) {
    found = measure(n, copyBytes, iterations, kernels);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}
