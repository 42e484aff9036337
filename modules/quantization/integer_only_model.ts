import { Dropout, type Layer, ReLU, Sequential } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import type { InputQuantization } from "./input_quantization.ts";
import { QuantizedLinear } from "./quantized_linear.ts";
import { requantize, requantizeMultiplier } from "./requantize.ts";

interface Stage {
  readonly layer: QuantizedLinear;
  /** A ReLU follows the layer. */
  readonly relu: boolean;
  /** How the next layer takes its inputs, and the multipliers to get there; null for the last. */
  readonly next: { readonly input: InputQuantization; readonly multiplier: Float32Array } | null;
}

function stagesOf(layers: readonly Layer[]): Stage[] {
  const linear: { layer: QuantizedLinear; relu: boolean }[] = [];
  layers.forEach((layer, i) => {
    if (layer instanceof QuantizedLinear && layer.inputQuantization) {
      linear.push({ layer, relu: false });
    } else if (layer instanceof ReLU && linear.length > 0 && !linear.at(-1)!.relu) {
      linear.at(-1)!.relu = true;
    } else if (!(layer instanceof Dropout)) {
      throw new RangeError(
        `Cannot run layer ${i} (${layer}) integer-only: expected calibrated QuantizedLinear layers, each followed by at most one ReLU (Dropout is skipped), starting with a QuantizedLinear`,
      );
    }
  });
  if (linear.length === 0) {
    throw new RangeError("Cannot run a model integer-only without a calibrated QuantizedLinear");
  }
  return linear.map(({ layer, relu }, i) => {
    const input = linear[i + 1]?.layer.inputQuantization;
    if (!input) return { layer, relu, next: null };
    const s = layer.weight.scale;
    const own = layer.inputQuantization!.scale;
    const multiplier = Float32Array.from(
      { length: layer.outFeatures },
      (_, j) => requantizeMultiplier(own, s[s.length === 1 ? 0 : j], input.scale),
    );
    return { layer, relu, next: { input, multiplier } };
  });
}

/**
 * A quantized MLP that stays in int8 from its input to its output: only the network's input is
 * quantized (by the first layer) and only its output is dequantized (by the last). Between
 * layers, each int32 accumulator (bias added, zero point corrected) is requantized to the next
 * layer's input scale and zero point with {@linkcode requantize}, as ONNX Runtime's
 * `QLinearMatMul` does, and a ReLU is a clamp at that zero point. Build one with
 * `quantizeModel(model, data, { integerOnly: true })`.
 *
 * @example Usage
 * ```ts
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import { IntegerOnlyModel, quantizeModel } from "@tinytorch/quantization";
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const fp32 = new Sequential(new Linear(8, 4, { seed: 1 }), new ReLU(), new Linear(4, 2, { seed: 2 }));
 * const x = rand([5, 8], { seed: 3 });
 * const { model } = quantizeModel(fp32, x, { integerOnly: true });
 * assert.ok(model instanceof IntegerOnlyModel);
 * assert.deepEqual(model.forward(x).shape, [5, 2]);
 * ```
 */
export class IntegerOnlyModel extends Sequential {
  #stages: Stage[];

  /**
   * Chains calibrated quantized layers for integer-only inference.
   *
   * @param layers Calibrated `QuantizedLinear` layers, each followed by at most one `ReLU`
   * (`Dropout` in eval mode is the identity and is skipped).
   * @throws {RangeError} For any other layer (naming it), or no calibrated layer at all.
   */
  constructor(...layers: Layer[]) {
    super(...layers);
    this.#stages = stagesOf(layers);
  }

  /**
   * The integer-only forward pass.
   *
   * @param x Float32 inputs `[..., inFeatures]` of the first layer.
   * @returns Float32 outputs `[..., outFeatures]` of the last layer.
   * @throws {TypeError} If `x` is not a float32 tensor.
   * @throws {RangeError} If its last dimension does not fit, or it holds NaN or ±Infinity.
   */
  override forward(x: Tensor): Tensor {
    const first = this.#stages[0].layer;
    if (!(x instanceof Tensor) || x.dtype !== "float32") {
      throw new TypeError(`Cannot run ${this} on ${String(x)}: expected a float32 tensor`);
    }
    const outShape = this.outputShape(x.shape);
    const rows = x.size / first.inFeatures;
    let q: Float32Array | Int8Array = x.data as Float32Array;
    for (const { layer, relu, next } of this.#stages) {
      const acc = layer.accumulate(q, rows);
      if (next) {
        const { input, multiplier } = next;
        const qmin = relu ? Math.max(input.qmin, input.zeroPoint) : input.qmin;
        q = requantize(acc, { multiplier, zeroPoint: input.zeroPoint, qmin, qmax: input.qmax });
      } else {
        return new Tensor(dequantize(acc, layer, relu), outShape);
      }
    }
    throw new RangeError(`${this} has no last layer`); // unreachable: stagesOf ends with one
  }

  /**
   * A description, e.g. `IntegerOnlyModel(784→128→64→10, int8 between layers)`.
   *
   * @returns The text.
   */
  override toString(): string {
    const sizes = [
      this.#stages[0].layer.inFeatures,
      ...this.#stages.map((s) => s.layer.outFeatures),
    ];
    return `IntegerOnlyModel(${sizes.join("→")}, int8 between layers)`;
  }
}

// The last layer's output, as its own int8 path computes it: acc · s_in · s_w[n] (float64
// product, one rounding to float32), then the ReLU if one follows.
function dequantize(acc: Int32Array, layer: QuantizedLinear, relu: boolean): Float32Array {
  const s = layer.weight.scale;
  const sIn = layer.inputQuantization!.scale;
  const n = layer.outFeatures;
  const y = new Float32Array(acc.length);
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i] * (sIn * s[s.length === 1 ? 0 : i % n]);
    y[i] = relu && v < 0 ? 0 : v;
  }
  return y;
}
