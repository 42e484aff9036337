/** Summary statistics of latency samples, in milliseconds. */
export interface LatencyStats {
  /** Arithmetic mean. */
  readonly mean: number;
  /** The 50th percentile: the typical run, not pulled up by a few slow ones. */
  readonly median: number;
  /** The 95th percentile (linear interpolation, NumPy's default). */
  readonly p95: number;
  /** The 99th percentile (linear interpolation, NumPy's default). */
  readonly p99: number;
  /** The fastest sample. */
  readonly min: number;
  /** The slowest sample. */
  readonly max: number;
  /** Sample standard deviation (divides by n − 1, like mathjs `std`); 0 for one sample. */
  readonly std: number;
  /** How many samples the statistics describe. */
  readonly samples: number;
}

/**
 * Summarizes latency samples (milliseconds) into {@linkcode LatencyStats}.
 *
 * Percentiles use linear interpolation between order statistics, NumPy's default
 * (`np.percentile(x, q)`): sort the samples ascending into `s`, let `h = (n − 1)·q/100`,
 * `lo = ⌊h⌋`; the percentile is `s[lo] + (h − lo)·(s[lo + 1] − s[lo])` (just `s[lo]` when
 * `lo = n − 1`). The median is the 50th percentile.
 *
 * The standard deviation is the SAMPLE one, `sqrt(Σ(x − mean)² / (n − 1))` (mathjs `std`'s default,
 * NumPy's `ddof=1`), and 0 when there is a single sample.
 *
 * Hints: copy before sorting (`Float64Array.from(samples).sort()` sorts numerically; a plain
 * `Array.prototype.sort()` would sort `10` before `9`), and do not modify the caller's array.
 *
 * @example Usage
 * ```ts
 * import { latencyStats } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const s = latencyStats([4, 1, 3, 2, 10]);
 * assert.equal(s.median, 3);
 * assert.equal(s.min, 1);
 * assert.equal(s.max, 10);
 * ```
 *
 * @param samplesMs The measured times in milliseconds, in any order.
 * @returns The statistics.
 * @throws {TypeError} If `samplesMs` is not an array of numbers.
 * @throws {RangeError} If it is empty, or a sample is negative or not finite.
 */
export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  // #region solution profiling.4
  if (!Array.isArray(samplesMs) || samplesMs.some((x) => typeof x !== "number")) {
    throw new TypeError(`Cannot summarize latency samples: expected an array of numbers`);
  }
  const n = samplesMs.length;
  if (n === 0) throw new RangeError("Cannot summarize latency samples: there are none");
  const bad = samplesMs.findIndex((x) => !Number.isFinite(x) || x < 0);
  if (bad >= 0) {
    throw new RangeError(
      `Cannot summarize latency samples: sample ${bad} is ${samplesMs[bad]}, not a finite time ≥ 0`,
    );
  }
  const sorted = Float64Array.from(samplesMs).sort();
  const percentile = (q: number): number => {
    const h = (n - 1) * q / 100;
    const lo = Math.floor(h);
    if (lo >= n - 1) return sorted[n - 1];
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  };
  let sum = 0;
  for (const x of samplesMs) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of samplesMs) squares += (x - mean) ** 2;
  return {
    mean,
    median: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    min: sorted[0],
    max: sorted[n - 1],
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    samples: n,
  };
  // #endregion
}
