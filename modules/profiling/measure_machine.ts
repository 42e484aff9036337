import { Bench } from "tinybench";
import { matmulTransposedF32 } from "@tinytorch/layers";
import { matmulIkj } from "./_machine_kernels.ts";

/** What this runtime can do, measured: the two roofs of the roofline model. */
export interface MachineBalance {
  /**
   * fp32 matrix-multiply throughput in GFLOP/s (2 FLOPs per multiply-add): the faster of the two
   * kernels measured, the compute roof.
   */
  readonly gflops: number;
  /** Memory-copy bandwidth in GB/s (10⁹ bytes), counting the bytes read and the bytes written. */
  readonly gbPerSecond: number;
  /**
   * The ridge point in FLOP/byte: `gflops / gbPerSecond`. A computation doing fewer FLOPs per byte
   * moved than this is memory-bound here; more, compute-bound.
   */
  readonly ridge: number;
  /** How it was measured. */
  readonly details: {
    /** n of the n×n×n matmul. */
    readonly matmulSize: number;
    /** Fastest time of one matmul with 4×4 register blocks (the layers' given `a @ bᵀ` kernel), ms. */
    readonly matmulMs: number;
    /** Fastest time of one plain i-k-j matmul, ms (same FLOPs, no register blocking). */
    readonly ikjMs: number;
    /** Size of the copied buffer in bytes. */
    readonly copyBytes: number;
    /** Fastest time of one copy, ms. */
    readonly copyMs: number;
    /** When, as an ISO date-time. */
    readonly measuredAt: string;
  };
}

/** Options of {@linkcode measureMachine}. */
export interface MachineOptions {
  /** n of the n×n×n fp32 matmul, a multiple of 4; default 256. */
  matmulSize?: number;
  /** Bytes copied by `Float32Array.set`; default 64 MiB (much larger than the caches). */
  copyBytes?: number;
  /** Timed runs of each measurement; default 15 (the fastest is kept). */
  iterations?: number;
}

async function bestMs(run: () => void, iterations: number): Promise<number> {
  const bench = new Bench({
    time: 0,
    iterations,
    warmupTime: 0,
    warmupIterations: 3,
    throws: true,
  });
  bench.add("machine", run, { async: false });
  await bench.run();
  const result = bench.tasks[0].result;
  if (!("latency" in result)) throw new Error("tinybench returned no latency statistics");
  return result.latency.min;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot measure the machine with ${name} ${value}: expected an integer ≥ 1`,
    );
  }
  return value;
}

async function measure(n: number, copyBytes: number, iterations: number): Promise<MachineBalance> {
  const a = new Float32Array(n * n).map((_, i) => (i % 7) - 3);
  const b = new Float32Array(n * n).map((_, i) => (i % 5) - 2);
  const c = new Float32Array(n * n);
  const ikjMs = await bestMs(() => matmulIkj(a, b, c, n), iterations);
  const blockedMs = await bestMs(() => matmulTransposedF32(a, b, n, n, n), iterations);
  const matmulMs = Math.min(ikjMs, blockedMs);
  const src = new Float32Array(copyBytes / 4).fill(1);
  const dst = new Float32Array(copyBytes / 4);
  const copyMs = await bestMs(() => dst.set(src), iterations);
  const gflops = (2 * n ** 3) / (matmulMs * 1e6);
  const gbPerSecond = (2 * copyBytes) / (copyMs * 1e6);
  return {
    gflops,
    gbPerSecond,
    ridge: gflops / gbPerSecond,
    details: {
      matmulSize: n,
      matmulMs: blockedMs,
      ikjMs: ikjMs,
      copyBytes,
      copyMs: copyMs,
      measuredAt: new Date().toISOString(),
    },
  };
}

const cache = new Map<string, Promise<MachineBalance>>();

/**
 * Measures this runtime's machine balance: the throughput of an n×n×n fp32 matmul written as tight
 * `Float32Array` loops (GFLOP/s; the faster of a plain i-k-j loop and 4×4 register blocks), the bandwidth of `Float32Array.set` on a buffer far larger than the
 * caches (GB/s, bytes read + bytes written), and their ratio, the roofline's ridge point (FLOP/byte).
 * Each roof is the FASTEST of `iterations` tinybench samples after 3 warm-up runs: a roof is what
 * the machine can reach, and on a shared machine the slower samples measure the neighbours (STREAM
 * reports its best rate for the same reason). Measured once per process and option set, then
 * cached: later calls return the same numbers.
 *
 * @example Usage
 * ```ts
 * import { measureMachine } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const m = await measureMachine({ matmulSize: 64, copyBytes: 1 << 20, iterations: 3 });
 * assert.ok(m.gflops > 0 && m.gbPerSecond > 0);
 * assert.equal(m.ridge, m.gflops / m.gbPerSecond);
 * ```
 *
 * @param options Problem sizes and iteration count.
 * @returns The measured balance.
 * @throws {RangeError} If a size or count is not a positive integer, or `matmulSize` or
 * `copyBytes` is not a multiple of 4.
 */
export function measureMachine(options: MachineOptions = {}): Promise<MachineBalance> {
  const n = positiveInteger("matmulSize", options.matmulSize ?? 256);
  const copyBytes = positiveInteger("copyBytes", options.copyBytes ?? 64 * 1024 * 1024);
  const iterations = positiveInteger("iterations", options.iterations ?? 15);
  if (n % 4 !== 0) {
    throw new RangeError(`Cannot measure the machine with matmulSize ${n}: not a multiple of 4`);
  }
  if (copyBytes % 4 !== 0) {
    throw new RangeError(`Cannot copy ${copyBytes} bytes of float32: not a multiple of 4`);
  }
  const key = `${n}/${copyBytes}/${iterations}`;
  let found = cache.get(key);
  if (!found) {
    found = measure(n, copyBytes, iterations);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}
