import type { Tensor } from "@tinytorch/tensor";
import { checkFinite } from "./_channels.ts";

/** A calibrated range, as observers report it. */
export interface ObservedRange {
  /** The lower end. */
  readonly min: number;
  /** The upper end. */
  readonly max: number;
}

/**
 * Calibration by extremes: the range is the smallest and largest value ever observed. Every
 * observed value is represented, so outliers stretch the scale for everyone else.
 *
 * @example Usage
 * ```ts
 * import { MinMaxObserver } from "@tinytorch/quantization";
 * import { tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const o = new MinMaxObserver().observe(tensor([0, 2])).observe(tensor([-1, 1]));
 * assert.deepEqual(o.range(), { min: -1, max: 2 });
 * ```
 */
export class MinMaxObserver {
  #min = Infinity;
  #max = -Infinity;

  /**
   * Adds a batch of values.
   *
   * @param x Any tensor of finite values.
   * @returns This observer.
   * @throws {RangeError} For NaN or ±Infinity.
   */
  observe(x: Tensor): this {
    checkFinite(x, "observe a tensor");
    const data = x.data;
    for (let i = 0; i < data.length; i++) {
      if (data[i] < this.#min) this.#min = data[i];
      if (data[i] > this.#max) this.#max = data[i];
    }
    return this;
  }

  /**
   * The calibrated range.
   *
   * @returns `{ min, max }` of everything observed.
   * @throws {RangeError} If nothing was observed.
   */
  range(): ObservedRange {
    if (this.#min > this.#max) throw new RangeError("Cannot report a range: nothing was observed");
    return { min: this.#min, max: this.#max };
  }
}
