/**
 * GELU: the Gaussian error linear unit, exact (erf) or with the tanh approximation; and the error
 * function it needs, which JavaScript's `Math` lacks.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";

/**
 * The complementary error function `erfc(x) = 1 − erf(x)`, with a relative error below
 * 1.2e-7 for every `x` (Chebyshev fit from Numerical Recipes, `erfcc`): as accurate as float32
 * can hold, and accurate in the tails where `1 − erf(x)` would cancel to 0.
 *
 * @example Usage
 * ```ts
 * import { erfc } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(erfc(0) - 1) < 1.2e-7);
 * assert.ok(Math.abs(erfc(5) / 1.5374597944e-12 - 1) < 1.2e-7); // 1 − erf(5) would round to 0
 * ```
 *
 * @param x Any number.
 * @returns `erfc(x)`, in `[0, 2]`.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
                                t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * The error function `erf(x) = 2/√π ∫₀ˣ e^(−t²) dt`, with an absolute error below 1.2e-7:
 * its Maclaurin series near 0 (so tiny `x` keep their relative accuracy), `1 − erfc(x)` beyond.
 *
 * @example Usage
 * ```ts
 * import { erf } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(erf(1) - 0.8427007929) < 1.2e-7);
 * ```
 *
 * @param x Any number.
 * @returns `erf(x)`, in `[−1, 1]`.
 */
export function erf(x: number): number {
  if (Math.abs(x) >= 0.5) return x > 0 ? 1 - erfc(x) : erfc(-x) - 1;
  // Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)); for |x| < 0.5 twelve terms reach double precision.
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 12; n++) {
    term *= -x2 / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Options of {@linkcode gelu} and {@linkcode GELU}, as PyTorch names them. */
export interface GeluOptions {
  /**
   * `"none"` (default): the exact `x·Φ(x)`; `"tanh"`: the approximation
   * `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`. They differ by at most 4.73e-4 (near
   * |x| = 2.70).
   */
  approximate?: "none" | "tanh";
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian error linear unit, element-wise: `gelu(x) = x·Φ(x)`, where Φ is the standard
 * normal CDF; float32 result. PyTorch's default, and what BERT and GPT use.
 *
 * Exact form: `Φ(x) = 0.5·(1 + erf(x/√2)) = 0.5·erfc(−x/√2)`. Prefer `erfc` (given, above): for very negative x, `1 + erf(…)` cancels to 0, while `erfc` keeps the tiny
 * value (gelu(−10) ≈ −7.62e-23, not 0). With `{ approximate: "tanh" }` use
 * `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`. gelu(1) = 0.8413447 (exact). Hint:
 * `x.astype("float32")` is a float32 copy of `x` to overwrite.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { gelu } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const y = gelu(tensor([-1, 0, 1]));
 * assert.deepEqual(Array.from(y.data, (v) => v.toFixed(6)), ["-0.158655", "0.000000", "0.841345"]);
 * ```
 *
 * @param x The input.
 * @param options Which formula.
 * @returns A new float32 tensor of the same shape.
 */
export function gelu(x: Tensor, options: GeluOptions = {}): Tensor {
  // #region solution layers.1
  const tanhForm = options.approximate === "tanh";
  const y = x.astype("float32");
  const data = y.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    data[i] = tanhForm
      ? 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)))
      : 0.5 * v * erfc(-v * Math.SQRT1_2);
  }
  return y;
  // #endregion
}

/**
 * {@linkcode gelu} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { GELU } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.equal(new GELU({ approximate: "tanh" }).toString(), 'GELU(approximate="tanh")');
 * assert.deepEqual(new GELU().forward(tensor([0])).toArray(), [0]);
 * ```
 */
export class GELU extends Activation {
  /** The formula: `"none"` (exact, erf-based) or `"tanh"`. */
  readonly approximate: "none" | "tanh";

  /**
   * Creates the layer.
   *
   * @param options Which formula; default exact.
   * @throws {RangeError} For an `approximate` other than `"none"` or `"tanh"`.
   */
  constructor(options: GeluOptions = {}) {
    super();
    const approximate = options.approximate ?? "none";
    if (approximate !== "none" && approximate !== "tanh") {
      throw new RangeError(
        `Cannot create GELU with approximate "${approximate}": expected "none" or "tanh"`,
      );
    }
    this.approximate = approximate;
  }

  /**
   * Applies GELU element-wise.
   *
   * @param x The input, any shape.
   * @returns `x·Φ(x)`, float32.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return gelu(x, { approximate: this.approximate });
  }

  /**
   * `GELU()` or `GELU(approximate="tanh")`.
   *
   * @returns The text.
   */
  override toString(): string {
    return this.approximate === "tanh" ? 'GELU(approximate="tanh")' : "GELU()";
  }
}
