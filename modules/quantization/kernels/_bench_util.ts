/**
 * Shared by the kernel and peer benchmarks (internal): the machine's load, its core clock measured
 * with a dependent chain of Wasm SIMD adds, and the medians of repeated runs.
 *
 * @module
 */
import wabtInit from "wabt";

/** The 1, 5 and 15 minute load averages (`/proc/loadavg`), or null where Deno has none. */
export function loadAverage(): [number, number, number] | null {
  try {
    const [a, b, c] = Deno.loadavg();
    return [a, b, c];
  } catch {
    return null;
  }
}

/** The load averages as text, e.g. `load 1.20 / 0.95 / 0.80 (1, 5, 15 min) on 2 CPUs`. */
export function loadText(): string {
  const load = loadAverage();
  const cpus = navigator.hardwareConcurrency;
  return load === null
    ? `load unknown on ${cpus} CPUs`
    : `load ${load.map((v) => v.toFixed(2)).join(" / ")} (1, 5, 15 min) on ${cpus} CPUs`;
}

const CHAIN_ADDS = 16;
const CHAIN_WAT = `(module
  (func (export "chain") (param $n i32) (result i32)
    (local $a v128) (local $b v128) (local $i i32)
    (local.set $b (i32x4.splat (local.get $n)))
    (loop $next
      ${"(local.set $a (i32x4.add (local.get $a) (local.get $b)))\n".repeat(CHAIN_ADDS)}
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (i32x4.extract_lane 0 (local.get $a))))`;

/**
 * The core clock in GHz, measured: a loop of dependent `i32x4.add` (one cycle of latency each on
 * every x86 and Arm core of the last decade) timed many times; the fastest run is the one the
 * scheduler did not interrupt. On a turbo-boosting core this is the clock the benchmark runs at,
 * not the nominal one `lscpu` shows.
 *
 * @param repeats How many timed runs (default 40, about 40 ms in all).
 * @returns The estimated clock in GHz.
 */
export async function measureClockGhz(repeats = 40): Promise<number> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat("chain.wat", CHAIN_WAT, { simd: true });
  const bytes = parsed.toBinary({}).buffer.slice();
  parsed.destroy();
  const chain = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.chain as (
    n: number,
  ) => number;
  const n = 100_000;
  chain(n);
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    chain(n);
    best = Math.min(best, performance.now() - t0);
  }
  return (n * CHAIN_ADDS) / (best * 1e6);
}

/**
 * The median of numbers.
 *
 * @param values At least one number.
 * @returns The median (the mean of the middle two for an even count).
 */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
