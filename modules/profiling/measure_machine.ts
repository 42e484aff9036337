import { Bench } from "tinybench";

/** What this runtime can do, measured: the two roofs of the roofline model. */
export interface MachineBalance {
  /** fp32 matrix-multiply throughput in GFLOP/s (2 FLOPs per multiply-add). */
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
    /** Median time of one matmul, ms. */
    readonly matmulMedianMs: number;
    /** Size of the copied buffer in bytes. */
    readonly copyBytes: number;
    /** Median time of one copy, ms. */
    readonly copyMedianMs: number;
    /** When, as an ISO date-time. */
    readonly measuredAt: string;
  };
}

/** Options of {@linkcode measureMachine}. */
export interface MachineOptions {
  /** n of the n×n×n fp32 matmul; default 256. */
  matmulSize?: number;
  /** Bytes copied by `Float32Array.set`; default 64 MiB (much larger than the caches). */
  copyBytes?: number;
  /** Timed runs of each measurement; default 15 (medians are reported). */
  iterations?: number;
}

/**
 * The throughput kernel: `c = a·b` for n×n row-major matrices, i-k-j order so the inner loop
 * streams rows of `b` and `c`. This is how fast plain TypeScript multiplies on this runtime.
 */
function matmulKernel(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k];
      const bRow = k * n;
      for (let j = 0; j < n; j++) c[row + j] += aik * b[bRow + j];
    }
  }
}

async function medianMs(run: () => void, iterations: number): Promise<number> {
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
  return result.latency.p50;
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
  const matmulMs = await medianMs(() => matmulKernel(a, b, c, n), iterations);
  const src = new Float32Array(copyBytes / 4).fill(1);
  const dst = new Float32Array(copyBytes / 4);
  const copyMs = await medianMs(() => dst.set(src), iterations);
  const gflops = (2 * n ** 3) / (matmulMs * 1e6);
  const gbPerSecond = (2 * copyBytes) / (copyMs * 1e6);
  return {
    gflops,
    gbPerSecond,
    ridge: gflops / gbPerSecond,
    details: {
      matmulSize: n,
      matmulMedianMs: matmulMs,
      copyBytes,
      copyMedianMs: copyMs,
      measuredAt: new Date().toISOString(),
    },
  };
}

const cache = new Map<string, Promise<MachineBalance>>();

/**
 * Measures this runtime's machine balance: the throughput of an n×n×n fp32 matmul written as a tight
 * `Float32Array` loop (GFLOP/s), the bandwidth of `Float32Array.set` on a buffer far larger than the
 * caches (GB/s, bytes read + bytes written), and their ratio, the roofline's ridge point (FLOP/byte).
 * Medians of tinybench samples after a warm-up. Measured once per process and option set, then
 * cached: later calls return the same numbers.
 *
 * @example Usage
 * ```ts
 * import { measureMachine } from "@tinytorch/profiling";
 * const m = await measureMachine({ matmulSize: 64, copyBytes: 1 << 20, iterations: 3 });
 * console.log(m.ridge === m.gflops / m.gbPerSecond); // true
 * ```
 *
 * @param options Problem sizes and iteration count.
 * @returns The measured balance.
 * @throws {RangeError} If a size or count is not a positive integer, or `copyBytes` is not a
 * multiple of 4.
 */
export function measureMachine(options: MachineOptions = {}): Promise<MachineBalance> {
  const n = positiveInteger("matmulSize", options.matmulSize ?? 256);
  const copyBytes = positiveInteger("copyBytes", options.copyBytes ?? 64 * 1024 * 1024);
  const iterations = positiveInteger("iterations", options.iterations ?? 15);
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
