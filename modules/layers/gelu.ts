/**
 * GELU: the Gaussian error linear unit, exact (erf) or with the tanh approximation.
 *
 * @module
 */
import { Tensor } from "@tinytorch/tensor";
import { Activation } from "./activation.ts";
import { erfc } from "./erf.ts";

/** Options of {@linkcode gelu} and {@linkcode GELU}, as PyTorch names them. */
export interface GeluOptions {
  /**
   * `"none"` (default): the exact `x·Φ(x)`; `"tanh"`: the approximation
   * `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`. They differ by at most 4.74e-4 (near
   * |x| = 2.70).
   */
  approximate?: "none" | "tanh";
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian error linear unit, element-wise: `gelu(x) = x·Φ(x)`, where Φ is the standard
 * normal CDF; float32 result. PyTorch's default, and what BERT and GPT use.
 *
 * Exact form: `Φ(x) = 0.5·(1 + erf(x/√2)) = 0.5·erfc(−x/√2)`. Prefer `erfc` (given in
 * `erf.ts`): for very negative x, `1 + erf(…)` cancels to 0, while `erfc` keeps the tiny
 * value (gelu(−10) ≈ −7.62e-23, not 0). With `{ approximate: "tanh" }` use
 * `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`. gelu(1) = 0.8413447 (exact).
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { gelu } from "@tinytorch/layers";
 * console.log(gelu(tensor([-1, 0, 1])).toArray()); // [-0.15865525, 0, 0.8413447]
 * ```
 *
 * @param x The input.
 * @param options Which formula.
 * @returns A new float32 tensor of the same shape.
 */
export function gelu(x: Tensor, options: GeluOptions = {}): Tensor {
  // #region solution layers.1
  const tanhForm = options.approximate === "tanh";
  const out = new Float32Array(x.size);
  for (let i = 0; i < out.length; i++) {
    const v = x.data[i];
    out[i] = tanhForm
      ? 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)))
      : 0.5 * v * erfc(-v * Math.SQRT1_2);
  }
  return new Tensor(out, x.shape);
  // #endregion
}

/**
 * {@linkcode gelu} as a layer.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { GELU } from "@tinytorch/layers";
 * console.log(new GELU({ approximate: "tanh" }).toString()); // 'GELU(approximate="tanh")'
 * console.log(new GELU().forward(tensor([0])).toArray()); // [0]
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
