import {
  Dropout,
  Flatten,
  GELU,
  Layer,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "@tinytorch/layers";
import type { Tensor } from "@tinytorch/tensor";
import type { InputQuantization } from "../input_quantization.ts";
import { IntegerOnlyModel } from "../integer_only_model.ts";
import { QuantizedLinear } from "../quantized_linear.ts";
import { requantizeMultiplier } from "../requantize.ts";
import { type AttributeValue, type Dim, GraphBuilder } from "./_graph_builder.ts";
import { ONNX_DTYPE } from "./onnx_proto.ts";

/**
 * How {@linkcode exportOnnx} writes a calibrated `QuantizedLinear`:
 *
 * - `"qdq"`: QuantizeLinear → DequantizeLinear on the input, DequantizeLinear on the int8
 *   weights (with `axis` when per channel) and the int32 bias, then a float MatMul and Add: the
 *   "QDQ" form that ONNX Runtime's own quantization tools write, and that runtimes fuse into
 *   their integer kernels;
 * - `"integer"`: QuantizeLinear on the input, MatMulInteger (int32 accumulators, the input zero
 *   point as its `a_zero_point`), Add of the int32 bias, then the layer's rescale: Cast to
 *   double, Mul by `inputScale · weightScale[n]` (float64, exact), Cast to float. This is the
 *   layer's own arithmetic, so the logits are bit-identical to `forwardInt8`'s. An
 *   `IntegerOnlyModel` stays in uint8 between its layers: each one's int32 accumulators are
 *   requantized as `requantize` does (Cast, Mul, Clip, QuantizeLinear with scale 1), or by one
 *   QLinearMatMul when the layer has no bias (QLinearMatMul takes none).
 */
export type OnnxExportForm = "qdq" | "integer";

/** Options of {@linkcode exportOnnx}. */
export interface ExportOnnxOptions {
  /** How quantized layers are written (default `"qdq"`); float layers are the same in both. */
  readonly form?: OnnxExportForm;
  /**
   * The input's shape, a name (such as `"N"`) for a dimension of any size; default
   * `["N", inFeatures]` of the first Linear layer, when only element-wise layers come before it.
   */
  readonly inputShape?: readonly (number | string)[];
  /** The graph's name; default `"tinytorch"`. */
  readonly name?: string;
}

/** The ONNX IR version of the files {@linkcode exportOnnx} writes. */
export const ONNX_IR_VERSION = 10;
/** The opset of the default domain the files use (21: int4 weights are legal). */
export const ONNX_OPSET = 21;

const ELEMENTWISE: readonly (new (...args: never[]) => Layer)[] = [
  ReLU,
  Sigmoid,
  Tanh,
  GELU,
  Dropout,
];

/** The leaf layers, nested Sequentials expanded (an IntegerOnlyModel stays one unit). */
function flatLayers(model: Layer): Layer[] {
  if (model instanceof IntegerOnlyModel) return [model];
  return model instanceof Sequential ? model.layers.flatMap(flatLayers) : [model];
}

class LayerExportError extends Error {
  constructor(readonly kind: "type" | "range", message: string) {
    super(message);
  }
}

/** Transposes `[rows, cols]` row-major data to `[cols, rows]`. */
function transpose<A extends Float32Array | Int8Array>(data: A, rows: number, cols: number): A {
  const out = new (data.constructor as new (n: number) => A)(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  }
  return out;
}

/** Everything one layer writes into the graph. */
interface LayerExport {
  readonly g: GraphBuilder;
  readonly prefix: string;
  readonly form: OnnxExportForm;
}

function exportLinear({ g, prefix }: LayerExport, x: string, layer: Linear): string {
  const [out, inF] = layer.weight.shape;
  const w = Float32Array.from(layer.weight.data);
  const wt = g.constant(`${prefix}.weight_t`, "float32", [inF, out], transpose(w, out, inF));
  const y = g.node("MatMul", [x, wt], `${prefix}.matmul`);
  if (!layer.bias) return y;
  const b = g.constant(`${prefix}.bias`, "float32", [out], Float32Array.from(layer.bias.data));
  return g.node("Add", [y, b], `${prefix}.add`);
}

/**
 * The int32 bias a calibrated layer stores: `parameters()` is `[weight, bias?, rowSums?]`, and
 * the bias is there exactly when the layer has one.
 */
function int32Bias(layer: QuantizedLinear): Int32Array | null {
  if (layer.bias === null) return null;
  const stored = layer.parameters()[1];
  if (!stored || !("dtype" in stored) || stored.dtype !== "int32") {
    throw new LayerExportError("type", "its stored bias is not an int32 tensor");
  }
  return (stored as Tensor).data as Int32Array;
}

/**
 * QuantizeLinear of the layer's input as the layer quantizes it, to uint8 (ONNX's activation
 * type; the signed scheme's zero point is shifted by 128, which changes no value). The 7-bit
 * unsigned scheme `[0, qmax]` saturates at 0 like uint8 with zero point 0, and at `qmax` by a
 * float Clip at `m = fround(qmax · scale)`: `fround(m / scale)` rounds to `qmax`, and
 * `fround(x / scale)` never decreases as `x` grows, so every `x ≥ m` quantizes to `qmax` with or
 * without the Clip, and the Clip changes no `x < m`.
 */
function quantizeInput(
  { g, prefix }: LayerExport,
  x: string,
  input: InputQuantization,
): { q: string; scale: string; zeroPoint: string } {
  const scale = g.constant(`${prefix}.input_scale`, "float32", [], Float32Array.of(input.scale));
  const u8 = input.zeroPoint + 128 * (input.qmin < 0 ? 1 : 0);
  const zeroPoint = g.constant(`${prefix}.input_zero_point`, "uint8", [], Uint8Array.of(u8));
  let clipped = x;
  if (input.qmin === 0) {
    const m = clipBound(input);
    const max = g.constant(`${prefix}.input_max`, "float32", [], Float32Array.of(m));
    clipped = g.node("Clip", [x, "", max], `${prefix}.input_clip`);
  }
  const q = g.node("QuantizeLinear", [clipped, scale, zeroPoint], `${prefix}.input_quantized`);
  return { q, scale, zeroPoint };
}

/**
 * The float bound `m` of the Clip that saturates at `qmax` (see `quantizeInput`): the float32
 * nearest `qmax · scale`, moved by a step if need be until `fround(m / scale)` lies strictly
 * within half a step of `qmax`, so that it rounds to `qmax` whatever the tie rule.
 */
function clipBound({ scale, qmax }: InputQuantization): number {
  let m = Math.fround(qmax * scale);
  const t = (v: number) => Math.fround(v / scale);
  while (t(m) >= qmax + 0.5) m = Math.fround(m - m * 2 ** -24);
  while (t(m) <= qmax - 0.5) m = Math.fround(m + Math.max(m, 2 ** -149) * 2 ** -24);
  return m;
}

/**
 * The weights transposed to `[in, out]`: int8, or at 4 bits or fewer int4, two per byte (opset
 * 21). MatMulInteger and QLinearMatMul take only 8-bit types, so in the integer form 4-bit
 * weights are Cast to int8 in the graph (ONNX Runtime folds that once, at load).
 */
function weightValues({ g, prefix, form }: LayerExport, layer: QuantizedLinear): string {
  const { weight } = layer;
  const [out, inF] = weight.shape;
  const values = transpose(weight.values.data as Int8Array, out, inF);
  if (weight.bits > 4) {
    return g.constant(`${prefix}.weight_t_quantized`, "int8", [inF, out], values);
  }
  const w = g.constant(`${prefix}.weight_t_quantized`, "int4", [inF, out], values);
  if (form === "qdq") return w;
  return g.node("Cast", [w], `${prefix}.weight_t_int8`, { to: { int: ONNX_DTYPE.int8 } });
}

function exportQdq(e: LayerExport, x: string, layer: QuantizedLinear): string {
  const { g, prefix } = e;
  const w = weightValues(e, layer);
  const s = layer.weight.scale;
  const [out] = layer.weight.shape;
  const perChannel = s.length > 1;
  const ws = g.constant(`${prefix}.weight_scale`, "float32", perChannel ? [out] : [], s.slice());
  const axis: Record<string, AttributeValue> = perChannel ? { axis: { int: 1 } } : {};
  const input = layer.inputQuantization;
  let xd = x;
  if (input) {
    const { q, scale, zeroPoint } = quantizeInput(e, x, input);
    xd = g.node("DequantizeLinear", [q, scale, zeroPoint], `${prefix}.input_dequantized`);
  }
  const wd = g.node("DequantizeLinear", [w, ws], `${prefix}.weight_t`, axis);
  const y = g.node("MatMul", [xd, wd], `${prefix}.matmul`);
  if (!layer.bias) return y;
  const int32 = input ? int32Bias(layer) : null;
  if (!input || !int32) {
    const b = Float32Array.from(layer.bias.data);
    return g.node("Add", [y, g.constant(`${prefix}.bias`, "float32", [out], b)], `${prefix}.add`);
  }
  const bs = Float32Array.from({ length: perChannel ? out : 1 }, (_, j) => input.scale * s[j]);
  const bq = g.constant(`${prefix}.bias_quantized`, "int32", [out], int32);
  const bScale = g.constant(`${prefix}.bias_scale`, "float32", perChannel ? [out] : [], bs);
  const bAxis: Record<string, AttributeValue> = perChannel ? { axis: { int: 0 } } : {};
  const bd = g.node("DequantizeLinear", [bq, bScale], `${prefix}.bias`, bAxis);
  return g.node("Add", [y, bd], `${prefix}.add`);
}

function exportInteger(e: LayerExport, x: string, layer: QuantizedLinear): string {
  const input = layer.inputQuantization;
  if (!input) {
    throw new LayerExportError(
      "range",
      'it is not calibrated (its forward is the simulated float path), so it has no integer form; use form "qdq", or calibrate it (quantizeModel)',
    );
  }
  const { q, zeroPoint } = quantizeInput(e, x, input);
  return integerLinear(e, q, input.qmin < 0 ? zeroPoint : "", layer); // unsigned: zero point 0
}

/**
 * MatMulInteger of quantized inputs (with their zero point, or `""` for 0), the int32 bias, and
 * the layer's rescale (int8LinearForward): `(acc − z·rowSums + bias) · (s_in · s_w[n])` in
 * float64, then float32. The product of two float32 scales is exact in float64.
 */
function integerLinear(
  e: LayerExport,
  q: string,
  zeroPoint: string,
  layer: QuantizedLinear,
): string {
  const { g, prefix } = e;
  const input = layer.inputQuantization!;
  const w = weightValues(e, layer);
  const [out] = layer.weight.shape;
  let acc = g.node("MatMulInteger", [q, w, zeroPoint], `${prefix}.matmul_integer`);
  const int32 = int32Bias(layer);
  if (int32) {
    const b = g.constant(`${prefix}.bias_quantized`, "int32", [out], int32);
    acc = g.node("Add", [acc, b], `${prefix}.add`);
  }
  const s = layer.weight.scale;
  const scale = Float64Array.from(s, (w) => input.scale * w); // one, or one per output
  const c = g.constant(`${prefix}.output_scale`, "float64", s.length > 1 ? [out] : [], scale);
  const wide = g.node("Cast", [acc], `${prefix}.acc_double`, { to: { int: ONNX_DTYPE.float64 } });
  const y = g.node("Mul", [wide, c], `${prefix}.rescaled`);
  return g.node("Cast", [y], `${prefix}.output`, { to: { int: ONNX_DTYPE.float32 } });
}

/** The name prefix of layer `index` inside the layer at `prefix` (`""`: the model itself). */
const sub = (prefix: string, index: number) => `${prefix ? `${prefix}.` : ""}layers.${index}`;

/** One layer of an integer-only model, as `IntegerOnlyModel` chains them. */
interface IntegerStage {
  readonly index: number;
  readonly layer: QuantizedLinear;
  readonly relu: boolean;
}

function integerStages(model: IntegerOnlyModel): IntegerStage[] {
  const stages: { index: number; layer: QuantizedLinear; relu: boolean }[] = [];
  model.layers.forEach((layer, index) => {
    if (layer instanceof QuantizedLinear) stages.push({ index, layer, relu: false });
    else if (layer instanceof ReLU && stages.length > 0) stages.at(-1)!.relu = true;
  });
  return stages;
}

/**
 * An `IntegerOnlyModel` in the integer form. The input is quantized once. Each layer's int32
 * accumulators (MatMulInteger with the input zero point, plus the int32 bias) are requantized to
 * the next layer's input as `requantize` does, `clamp(roundHalfToEven(fround(fround(acc) · m)) +
 * z, qmin, qmax)` with `m = requantizeMultiplier(s_in, s_w[n], s_next)`: Cast to float, Mul by
 * `m`, a Clip at `qmin − z` and `qmax − z` (integers, so clipping before rounding changes
 * nothing else), and QuantizeLinear with scale 1 and zero point `z`; a ReLU raises `qmin` to the
 * zero point. QLinearMatMul computes exactly that requantization but has no bias input, so it
 * serves the layers without a bias. The last layer rescales as the layer's int8 path does.
 */
function exportIntegerOnly(e: LayerExport, x: string, model: IntegerOnlyModel): string {
  const { g } = e;
  const stages = integerStages(model);
  const at = (index: number) => ({ ...e, prefix: sub(e.prefix, index) });
  const first = quantizeInput(at(stages[0].index), x, stages[0].layer.inputQuantization!);
  let { q, zeroPoint } = first;
  // The current input's scale: a constant's name once one exists (QLinearMatMul takes it).
  let scale: { name?: string; value: number } = {
    name: first.scale,
    value: stages[0].layer.inputQuantization!.scale,
  };
  let y = q;
  stages.forEach(({ index, layer, relu }, i) => {
    const here = at(index);
    const p = here.prefix;
    const input = layer.inputQuantization!;
    const next = stages[i + 1]?.layer.inputQuantization;
    if (!next) {
      y = integerLinear(here, q, input.qmin < 0 ? zeroPoint : "", layer);
      if (relu) y = g.node("Relu", [y], `${p}.relu`);
      return;
    }
    const w = weightValues(here, layer);
    const [out] = layer.weight.shape;
    const s = layer.weight.scale;
    const shift = next.qmin < 0 ? 128 : 0; // uint8 holds the signed scheme shifted by 128
    const qmin = relu ? Math.max(next.qmin, next.zeroPoint) : next.qmin;
    const nextZero = g.constant(
      `${p}.output_zero_point`,
      "uint8",
      [],
      Uint8Array.of(next.zeroPoint + shift),
    );
    const narrower = qmin + shift > 0 || next.qmax + shift < 255; // than uint8's saturation
    const int32 = int32Bias(layer);
    let nextScale: string | undefined;
    if (int32 === null) {
      const dims = s.length > 1 ? [out] : [];
      const aScale = scale.name ??
        g.constant(`${p}.input_scale`, "float32", [], Float32Array.of(scale.value));
      const ws = g.constant(`${p}.weight_scale`, "float32", dims, s.slice());
      const wz = g.constant(`${p}.weight_zero_point`, "int8", dims, new Int8Array(s.length));
      nextScale = g.constant(`${p}.output_scale`, "float32", [], Float32Array.of(next.scale));
      const inputs = [q, aScale, zeroPoint, w, ws, wz, nextScale, nextZero];
      q = g.node("QLinearMatMul", inputs, `${p}.qlinear_matmul`);
      if (narrower) {
        const lo = g.constant(`${p}.output_min`, "uint8", [], Uint8Array.of(qmin + shift));
        const hi = g.constant(`${p}.output_max`, "uint8", [], Uint8Array.of(next.qmax + shift));
        q = g.node("Clip", [q, lo, hi], `${p}.output_clip`);
      }
    } else {
      const aZero = input.qmin < 0 ? zeroPoint : ""; // the unsigned scheme's zero point is 0
      const mm = g.node("MatMulInteger", [q, w, aZero], `${p}.matmul_integer`);
      const b = g.constant(`${p}.bias_quantized`, "int32", [out], int32);
      const acc = g.node("Add", [mm, b], `${p}.add`);
      const f = g.node("Cast", [acc], `${p}.acc_float`, { to: { int: ONNX_DTYPE.float32 } });
      const m = Float32Array.from(s, (w) => requantizeMultiplier(input.scale, w, next.scale));
      const mc = g.constant(`${p}.requantize_multiplier`, "float32", s.length > 1 ? [out] : [], m);
      let v = g.node("Mul", [f, mc], `${p}.requantized`);
      if (narrower) {
        const bound = (b: number, name: string) =>
          g.constant(`${p}.${name}`, "float32", [], Float32Array.of(b - next.zeroPoint));
        const bounds = [bound(qmin, "output_min"), bound(next.qmax, "output_max")];
        v = g.node("Clip", [v, ...bounds], `${p}.output_clip`);
      }
      const one = g.constant(`${p}.unit_scale`, "float32", [], Float32Array.of(1));
      q = g.node("QuantizeLinear", [v, one, nextZero], `${p}.output_quantized`);
    }
    scale = { name: nextScale, value: next.scale };
    zeroPoint = nextZero;
  });
  return y;
}

function exportLayer(e: LayerExport, x: string, layer: Layer): string {
  const { g, prefix } = e;
  if (layer instanceof IntegerOnlyModel) {
    if (e.form === "integer") return exportIntegerOnly(e, x, layer);
    return layer.layers.reduce((y, l, j) => exportLayer({ ...e, prefix: sub(prefix, j) }, y, l), x);
  }
  if (layer instanceof QuantizedLinear) {
    return e.form === "integer" ? exportInteger(e, x, layer) : exportQdq(e, x, layer);
  }
  if (layer instanceof Linear) return exportLinear(e, x, layer);
  if (layer instanceof ReLU) return g.node("Relu", [x], `${prefix}.relu`);
  if (layer instanceof Sigmoid) return g.node("Sigmoid", [x], `${prefix}.sigmoid`);
  if (layer instanceof Tanh) return g.node("Tanh", [x], `${prefix}.tanh`);
  if (layer instanceof GELU) {
    return g.node("Gelu", [x], `${prefix}.gelu`, { approximate: { string: layer.approximate } });
  }
  if (layer instanceof Softmax) {
    return g.node("Softmax", [x], `${prefix}.softmax`, { axis: { int: layer.axis } });
  }
  if (layer instanceof Flatten) return g.node("Flatten", [x], `${prefix}.flatten`);
  if (layer instanceof Dropout) {
    if (layer.training && layer.p > 0) {
      throw new LayerExportError(
        "range",
        "it is in training mode, where it drops values at random; call eval() on the model first",
      );
    }
    return x; // the identity at inference: no node
  }
  throw new LayerExportError(
    "type",
    "the exporter knows Linear, QuantizedLinear, ReLU, Sigmoid, Tanh, GELU, Softmax, Flatten and Dropout",
  );
}

function defaultInputShape(layers: readonly Layer[]): Dim[] {
  for (const layer of layers.flatMap((l) => l instanceof IntegerOnlyModel ? l.layers : [l])) {
    if (layer instanceof Linear || layer instanceof QuantizedLinear) {
      return ["N", layer.inFeatures];
    }
    if (!ELEMENTWISE.some((type) => layer instanceof type)) break;
  }
  throw new RangeError(
    "Cannot export the model to ONNX without an inputShape: its input size is not that of a first Linear layer",
  );
}

/**
 * `model.outputShape` on the input shape with each named dimension as 1; a named input
 * dimension that comes out unchanged at the same position keeps its name.
 */
function outputDims(model: Layer, inputShape: readonly Dim[]): Dim[] {
  const concrete = inputShape.map((d) => typeof d === "number" ? d : 1);
  return model.outputShape(concrete).map((d, i) =>
    typeof inputShape[i] === "string" && d === 1 ? inputShape[i] : d
  );
}

function checkOptions(model: unknown, options: ExportOnnxOptions): OnnxExportForm {
  if (!(model instanceof Layer)) {
    throw new TypeError(`Cannot export ${String(model)} to ONNX: expected a layer or a Sequential`);
  }
  const form = options.form ?? "qdq";
  if (form !== "qdq" && form !== "integer") {
    throw new TypeError(
      `Cannot export to ONNX in the form ${JSON.stringify(form)}: expected "qdq" or "integer"`,
    );
  }
  const shape = options.inputShape;
  if (
    shape !== undefined &&
    (!Array.isArray(shape) || shape.length === 0 ||
      !shape.every((d) => typeof d === "string" ? d.length > 0 : Number.isInteger(d) && d > 0))
  ) {
    throw new RangeError(
      `Cannot export to ONNX with the input shape ${
        JSON.stringify(shape)
      }: expected positive integers or dimension names`,
    );
  }
  return form;
}

/**
 * Exports a model to an ONNX file (IR version 10, opset 21): float32 `Linear` layers as MatMul
 * and Add, calibrated `QuantizedLinear` layers in the chosen {@linkcode OnnxExportForm}, and
 * ReLU, Sigmoid, Tanh, GELU, Softmax and Flatten as the ONNX operators of the same names.
 * Nested `Sequential`s are expanded; a Dropout in evaluation mode is the identity and writes no
 * node. The graph has one float32 input `"input"` and one float32 output `"output"`, with a
 * batch dimension `"N"` of any size. Weights are stored transposed (`[in, out]`, MatMul's
 * layout), per-channel scales along axis 1; 4-bit weights as ONNX int4 in the QDQ form.
 *
 * The input quantization is the layer's own: QuantizeLinear to uint8 (the signed scheme's zero
 * point shifted by 128), after a Clip at `fround(127 · scale)` for the 7-bit unsigned scheme, so
 * an input the layer saturates at 127 saturates in the graph too.
 *
 * An uncalibrated `QuantizedLinear` (the simulated path) exports in the QDQ form only, as
 * DequantizeLinear weights and a float32 bias. An `IntegerOnlyModel` (from `quantizeModel` with
 * `integerOnly`) exports bit for bit in the integer form; its QDQ form is its layers' QDQ graph.
 *
 * Writes nothing: save the bytes with `Deno.writeFile` and open them in ONNX Runtime or Netron.
 *
 * @example Usage
 * ```ts
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import { quantizeModel } from "@tinytorch/quantization";
 * import { exportOnnx } from "@tinytorch/quantization/onnx";
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const fp32 = new Sequential(
 *   new Linear(64, 32, { seed: 1 }), new ReLU(), new Linear(32, 10, { seed: 2 }),
 * );
 * const { model } = quantizeModel(fp32, rand([16, 64], { seed: 3 }));
 * const float = exportOnnx(fp32); // MatMul, Add, Relu, MatMul, Add
 * const qdq = exportOnnx(model, { form: "qdq" });
 * const integer = exportOnnx(model, { form: "integer" });
 * assert.ok(2 * qdq.length < float.length && 2 * integer.length < float.length);
 * // await Deno.writeFile("reports/mlp.onnx", qdq); // for ONNX Runtime or Netron
 * ```
 *
 * @param model A `Sequential` or a single layer.
 * @param options The form of quantized layers, the input shape, the graph's name.
 * @returns The bytes of the `.onnx` file.
 * @throws {TypeError} If `model` is not a layer, the form is unknown, or a layer is of a kind the
 * exporter does not know (the message names the layer and its index).
 * @throws {RangeError} For a bad input shape, a model whose input size cannot be inferred, a
 * Dropout in training mode, or an uncalibrated QuantizedLinear in the integer form (named with
 * its index).
 */
export function exportOnnx(model: Layer, options: ExportOnnxOptions = {}): Uint8Array {
  const form = checkOptions(model, options);
  const layers = flatLayers(model);
  const inputShape = options.inputShape ? [...options.inputShape] : defaultInputShape(layers);
  const g = new GraphBuilder();
  let x = "input";
  // An IntegerOnlyModel exported whole names its layers layers.<i>, as a Sequential's are.
  const whole = model instanceof IntegerOnlyModel;
  layers.forEach((layer, i) => {
    try {
      x = exportLayer({ g, prefix: whole ? "" : sub("", i), form }, x, layer);
    } catch (error) {
      if (!(error instanceof LayerExportError)) throw error;
      const message = `Cannot export layer ${i} (${layer}) to ONNX: ${error.message}`;
      throw error.kind === "type" ? new TypeError(message) : new RangeError(message);
    }
  });
  if (!g.renameLastOutput("output")) g.node("Identity", [x], "output");
  const quantized = layers.some((l) =>
    l instanceof QuantizedLinear || l instanceof IntegerOnlyModel
  );
  return g.encode({
    graphName: options.name ?? "tinytorch",
    docString: `Exported by @tinytorch/quantization/onnx (${
      quantized ? `${form} form` : "float32"
    }): ${layers.map(String).join(", ")}`,
    irVersion: ONNX_IR_VERSION,
    opset: ONNX_OPSET,
    input: { name: "input", dims: inputShape },
    output: { name: "output", dims: outputDims(model, inputShape) },
  });
}
