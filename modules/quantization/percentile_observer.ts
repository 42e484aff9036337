import type { Tensor } from "@tinytorch/tensor";
import { checkFinite } from "./_channels.ts";
import type { ObservedRange } from "./min_max_observer.ts";

/**
 * The `p`-th percentile of sorted values with NumPy's default ("linear") interpolation: the rank
 * `r = p / 100 · (n − 1)` falls between `sorted[floor(r)]` and `sorted[ceil(r)]`, and the result
 * interpolates linearly between them.
 *
 * Hints: `Math.floor(r)` and the fraction `t = r − floor(r)`; mind `p = 100` (the last element).
 * To match NumPy to the last bit, interpolate from the nearer neighbour: `b − (b − a)(1 − t)` when
 * `t ≥ 0.5`, else `a + (b − a) t`.
 *
 * @example Usage
 * ```ts
 * import { percentile } from "@tinytorch/quantization";
 * import assert from "node:assert/strict";
 * assert.equal(percentile([1, 2, 3, 4], 50), 2.5);
 * assert.equal(percentile([1, 2, 3, 4], 90), 3.7);
 * ```
 *
 * @param sorted Values in ascending order, at least one.
 * @param p The percentile, 0 to 100.
 * @returns The interpolated value.
 * @throws {RangeError} For an empty list or `p` outside [0, 100].
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError("Cannot take a percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Cannot take percentile ${p}: expected 0 to 100`);
  // #region solution quantization.5
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const t = rank - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  // NumPy's own form: from the nearer neighbour, so the result is bit-identical to np.percentile
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  // #endregion
}

/** Options of {@linkcode PercentileObserver}. */
export interface PercentileObserverOptions {
  /** Keep this percentage of each tail: the range is [P(100 − p), P(p)]; default 99.9. */
  percentile?: number;
}

/**
 * Calibration that ignores the extreme tails: the range runs from the `(100 − p)`-th to the
 * `p`-th percentile of every value observed (exact: all values are kept and sorted once).
 *
 * Clipping buys resolution for the bulk of the values at the price of the outliers: on Gaussian
 * data with a few far outliers it cuts the error on the values inside the range a lot, while
 * the clipped outliers may make the total error worse. Measure both (see the lesson).
 *
 * @example Usage
 * ```ts
 * import { PercentileObserver } from "@tinytorch/quantization";
 * import { arange } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const o = new PercentileObserver({ percentile: 90 }).observe(arange(0, 11));
 * assert.deepEqual(o.range(), { min: 1, max: 9 });
 * ```
 */
export class PercentileObserver {
  /** The percentile kept at each end. */
  readonly percentile: number;
  #chunks: Float32Array[] = [];

  /**
   * Creates an observer.
   *
   * @param options The percentile, 50 to 100; default 99.9.
   * @throws {RangeError} For a percentile outside [50, 100].
   */
  constructor(options: PercentileObserverOptions = {}) {
    const { percentile = 99.9 } = options;
    if (!(percentile >= 50 && percentile <= 100)) {
      throw new RangeError(`Cannot calibrate at percentile ${percentile}: expected 50 to 100`);
    }
    this.percentile = percentile;
  }

  /**
   * Adds a batch of values (copied).
   *
   * @param x Any tensor of finite values.
   * @returns This observer.
   * @throws {RangeError} For NaN or ±Infinity.
   */
  observe(x: Tensor): this {
    checkFinite(x, "observe a tensor");
    this.#chunks.push(Float32Array.from(x.data));
    return this;
  }

  /**
   * The calibrated range.
   *
   * @returns `{ min: P(100 − p), max: P(p) }` over everything observed.
   * @throws {RangeError} If nothing was observed.
   */
  range(): ObservedRange {
    const total = this.#chunks.reduce((n, c) => n + c.length, 0);
    if (total === 0) throw new RangeError("Cannot report a range: nothing was observed");
    const all = new Float32Array(total);
    let at = 0;
    for (const c of this.#chunks) {
      all.set(c, at);
      at += c.length;
    }
    all.sort();
    return { min: percentile(all, 100 - this.percentile), max: percentile(all, this.percentile) };
  }
}
