import { Dropout, type Layer, Linear, Sequential } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import { MinMaxObserver, type ObservedRange } from "./min_max_observer.ts";
import { PercentileObserver } from "./percentile_observer.ts";
import { QuantizedLinear } from "./quantized_linear.ts";
import { IntegerOnlyModel } from "./integer_only_model.ts";

/** Options of {@linkcode quantizeModel}. */
export interface QuantizeModelOptions {
  /** One weight scale per output row (default `true`). */
  perChannel?: boolean;
  /** How input ranges are calibrated: `"minmax"` (default) or `"percentile"`. */
  observer?: "minmax" | "percentile";
  /** The percentile for `observer: "percentile"`; default 99.9. */
  percentile?: number;
  /** Weight bit width, 2 to 8; default 8. */
  bits?: number;
  /**
   * Build an {@linkcode IntegerOnlyModel}: activations stay int8 between layers (requantized to
   * the next layer's calibrated input scale), a ReLU is a clamp at the zero point, and only the
   * network's input is quantized and its output dequantized. Default `false`: each layer
   * dequantizes its output to float32.
   */
  integerOnly?: boolean;
  /** Called after each layer with `(done, total)`. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@linkcode quantizeModel} did to one Linear layer. */
export interface QuantizedLayerReport {
  /** Position in the model (in `flatLayers(model)`). */
  readonly index: number;
  /** The quantized layer's description. */
  readonly name: string;
  /** The calibrated input range. */
  readonly inputRange: ObservedRange;
  /** The smallest and largest weight scale. */
  readonly weightScale: { readonly min: number; readonly max: number };
  /** Relative RMS error of the layer's output against float32 on the calibration batch. */
  readonly outputError: number;
}

/** The result of {@linkcode quantizeModel}. */
export interface QuantizedModel {
  /** A new model; the original is untouched. */
  readonly model: Sequential;
  /** One entry per quantized Linear layer. */
  readonly report: QuantizedLayerReport[];
}

/**
 * `‖got − want‖ / ‖want‖` (relative RMS error; 0 when both are 0).
 *
 * @param got The approximation.
 * @param want The reference.
 * @returns The relative error.
 */
export function relativeRmsError(got: Tensor, want: Tensor): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < want.size; i++) {
    const d = got.data[i] - want.data[i];
    num += d * d;
    den += want.data[i] * want.data[i];
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

function observe(x: Tensor, options: QuantizeModelOptions): ObservedRange {
  const observer = options.observer === "percentile"
    ? new PercentileObserver({ percentile: options.percentile ?? 99.9 })
    : new MinMaxObserver();
  return observer.observe(x).range();
}

/**
 * The layers of a model with nested `Sequential`s expanded in place (the same computation).
 *
 * @param model A Sequential.
 * @returns Its leaf layers in order.
 */
function flatLayers(model: Sequential): Layer[] {
  return model.layers.flatMap((l) => l instanceof Sequential ? flatLayers(l) : [l]);
}

/**
 * A copy of a non-Linear layer for the quantized model, in eval mode, so the original keeps its
 * own mode and state: a fresh `Dropout` with the same `p`, a shallow copy of anything else
 * (activations hold no tensors).
 *
 * @param layer The float32 layer.
 * @returns The copy.
 */
function inferenceCopy(layer: Layer): Layer {
  const copy = layer instanceof Dropout
    ? new Dropout(layer.p)
    : Object.assign(Object.create(Object.getPrototypeOf(layer)), layer) as Layer;
  return copy.eval();
}

function layerReport(index: number, q: QuantizedLinear, range: ObservedRange, error: number) {
  const s = q.weight.scale;
  const weightScale = { min: Math.min(...s), max: Math.max(...s) };
  return { index, name: q.toString(), inputRange: range, weightScale, outputError: error };
}

function checkModel(model: unknown, images: unknown, options: QuantizeModelOptions): void {
  if (!(model instanceof Sequential)) {
    throw new TypeError(`Cannot quantize ${String(model)}: expected a Sequential model`);
  }
  if (!(images instanceof Tensor) || images.dtype !== "float32") {
    const what = images instanceof Tensor ? `a ${images.dtype} tensor` : String(images);
    throw new TypeError(`Cannot calibrate on ${what}: expected a float32 batch [N, features]`);
  }
  if (images.ndim < 2 || images.size === 0) {
    throw new RangeError(
      `Cannot calibrate on a tensor of shape [${images.shape}]: expected a non-empty batch [N, features]`,
    );
  }
  const { observer } = options;
  if (observer !== undefined && observer !== "minmax" && observer !== "percentile") {
    throw new TypeError(
      `Cannot calibrate with observer ${
        JSON.stringify(observer)
      }: expected "minmax" or "percentile"`,
    );
  }
}

/**
 * Post-training quantization of a `Sequential`: every `Linear` becomes a calibrated
 * {@linkcode QuantizedLinear}; other layers stay float32, as copies in eval mode
 * (`inferenceCopy`, in this file), so the original model is untouched. Nested `Sequential`s are
 * expanded (`flatLayers`, in this file): the new model is one flat `Sequential`, in eval mode.
 *
 * Calibration runs the float32 model on `calibrationImages` layer by layer: each Linear's input
 * range is observed (min/max or percentile) on the float32 activations that reach it, its
 * quantized twin is built with that range, and the report records the twin's output error
 * against float32 on the same batch.
 *
 * Hints: walk `flatLayers(model)` with one running float32 activation `x`; for a Linear, observe
 * `x`, build the quantized layer with `QuantizedLinear.fromLinear(layer, { perChannel, bits,
 * inputRange })`, compare its output with `layer.forward(x)` using `relativeRmsError`, then
 * continue with the float32 output; any other layer goes in as `inferenceCopy(layer)`, which also
 * computes the next `x` (a Dropout copy is the identity). Call `onProgress(i + 1, total)` after
 * each layer.
 *
 * @param model The float32 model.
 * @param calibrationImages A float32 batch `[N, features]` of typical inputs.
 * With `integerOnly`, the same layers are chained as an {@linkcode IntegerOnlyModel}.
 *
 * @param options Per-channel weights, observer, percentile, bits, integer-only, progress callback.
 * @returns The new model and the per-layer report.
 * @throws {TypeError} If `model` is not a Sequential, the images are not float32, or the observer
 * is unknown.
 * @throws {RangeError} If the images are not a non-empty batch `[N, features]`.
 */
export function quantizeModel(
  model: Sequential,
  calibrationImages: Tensor,
  options: QuantizeModelOptions = {},
): QuantizedModel {
  checkModel(model, calibrationImages, options);
  if (options.integerOnly) {
    const { model: layers, report } = quantizeModel(model, calibrationImages, {
      ...options,
      integerOnly: false,
    });
    return { model: new IntegerOnlyModel(...layers.layers).eval(), report };
  }
  const { perChannel = true, bits = 8, onProgress } = options;
  // #region solution quantization.8
  const flat = flatLayers(model);
  const layers: Layer[] = [];
  const report: QuantizedLayerReport[] = [];
  let x = calibrationImages;
  flat.forEach((layer, i) => {
    if (layer instanceof Linear) {
      const inputRange = observe(x, options);
      const q = QuantizedLinear.fromLinear(layer, { perChannel, bits, inputRange });
      const y = layer.forward(x);
      report.push(layerReport(i, q, inputRange, relativeRmsError(q.forward(x), y)));
      layers.push(q);
      x = y;
    } else {
      const copy = inferenceCopy(layer);
      layers.push(copy);
      x = copy.forward(x);
    }
    onProgress?.(i + 1, flat.length);
  });
  return { model: new Sequential(...layers).eval(), report };
  // #endregion
}
