/**
 * Dropout: inverted dropout, seeded.
 *
 * @module
 */
import { defaultRng, type RandomOptions, Rng, type Tensor } from "@tinytorch/tensor";
import { Layer } from "./layer.ts";

/** Options of {@linkcode Dropout}: the generator masks are drawn from. */
export type DropoutOptions = RandomOptions;

/**
 * Inverted dropout (Srivastava et al., 2014, as PyTorch implements it). In training mode each
 * element is zeroed with probability `p` and every kept element is scaled by `1/(1−p)`, so the
 * expected value of each output equals its input and nothing needs rescaling at inference. In
 * evaluation mode (`eval()`) it is the identity. 0 FLOPs at inference.
 *
 * @example Usage
 * ```ts
 * import { ones } from "@tinytorch/tensor";
 * import { Dropout } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const drop = new Dropout(0.5, { seed: 1 });
 * assert.deepEqual(new Set(drop.forward(ones([1000])).data), new Set([0, 2])); // dropped or ×2
 * assert.deepEqual(drop.eval().forward(ones([2])).toArray(), [1, 1]);
 * ```
 */
export class Dropout extends Layer {
  /** The probability of zeroing an element, in `[0, 1]`. */
  readonly p: number;
  /** The generator the masks are drawn from (`rng.next() < p` means "drop"). */
  readonly rng: Rng;

  /**
   * Creates the layer.
   *
   * @param p The drop probability; default 0.5.
   * @param options `rng` or `seed`; default the tensor module's default generator.
   * @throws {TypeError} If `p` is not a number.
   * @throws {RangeError} Unless `0 ≤ p ≤ 1`.
   */
  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    if (typeof p !== "number") {
      throw new TypeError(`Cannot create Dropout with p = ${String(p)}: expected a number`);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`Cannot create Dropout with p = ${p}: p must be in [0, 1]`);
    }
    this.p = p;
    if (options.rng !== undefined && !(options.rng instanceof Rng)) {
      throw new TypeError("Cannot create Dropout: the rng option must be an Rng");
    }
    this.rng = options.rng ?? (options.seed !== undefined ? new Rng(options.seed) : defaultRng());
  }

  /**
   * In training mode: a new float32 tensor where each element is 0 with probability `p` and
   * `x·(1/(1−p))` otherwise. In evaluation mode, or with `p = 0`: `x` itself.
   *
   * Hint: `x.astype("float32")` is a float32 copy to overwrite; draw one `this.rng.next()` per
   * element. Mind `p = 1` (all zeros): `1/(1−p)` is Infinity there and `0·Infinity` is NaN.
   *
   * @param x The input, any shape.
   * @returns The output, same shape.
   */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    // #region solution layers.5
    if (!this.training || this.p === 0) return x;
    const y = x.astype("float32");
    const data = y.data;
    if (this.p === 1) {
      data.fill(0);
      return y;
    }
    const scale = 1 / (1 - this.p);
    for (let i = 0; i < data.length; i++) {
      data[i] = this.rng.next() < this.p ? 0 : data[i] * scale;
    }
    return y;
    // #endregion
  }

  /**
   * `Dropout(p=0.5)`.
   *
   * @returns The text.
   */
  override toString(): string {
    return `Dropout(p=${this.p})`;
  }
}
