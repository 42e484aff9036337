/**
 * One-node ONNX graphs for the peer benchmark (internal): MatMulInteger, QLinearMatMul and MatMul
 * of a batch against weights stored as initializers, built with the repository's protobufjs
 * schema (`onnx/onnx_proto.ts`) and tensor codec (`onnx/onnx_tensor.ts`), never by hand.
 *
 * @module
 */
import { ModelProto, ONNX_DTYPE, type OnnxDtype } from "./onnx/onnx_proto.ts";
import { type OnnxArrays, onnxTensorFields } from "./onnx/onnx_tensor.ts";

/** A graph input or output: its name, element type and fixed shape. */
export interface ValueInfo {
  /** The name nodes refer to. */
  readonly name: string;
  /** The element type. */
  readonly dtype: OnnxDtype;
  /** The shape. */
  readonly dims: readonly number[];
}

/** An initializer: a named constant tensor. */
export interface Initializer<D extends OnnxDtype = OnnxDtype> {
  /** The name nodes refer to. */
  readonly name: string;
  /** The element type. */
  readonly dtype: D;
  /** The shape (`[]` for a scalar). */
  readonly dims: readonly number[];
  /** The values, row-major. */
  readonly data: OnnxArrays[D];
}

const valueInfo = ({ name, dtype, dims }: ValueInfo) => ({
  name,
  type: {
    tensorType: { elemType: ONNX_DTYPE[dtype], shape: { dim: dims.map((d) => ({ dimValue: d })) } },
  },
});

/**
 * An ONNX model (IR 8, default domain opset 13) of one node.
 *
 * @param opType The operator, e.g. `"MatMulInteger"`.
 * @param input The graph's one runtime input.
 * @param initializers The constant inputs.
 * @param nodeInputs The node's inputs by name, in the operator's order.
 * @param output The node's (and graph's) output.
 * @returns The encoded `.onnx` bytes.
 */
export function oneNodeModel(
  opType: string,
  input: ValueInfo,
  initializers: readonly Initializer[],
  nodeInputs: readonly string[],
  output: ValueInfo,
): Uint8Array {
  const model = ModelProto.fromObject({
    irVersion: 8,
    producerName: "tinytorch peers_bench",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: opType,
      node: [{ opType, input: [...nodeInputs], output: [output.name] }],
      initializer: initializers.map(onnxTensorFields),
      input: [valueInfo(input)],
      output: [valueInfo(output)],
    },
  });
  return ModelProto.encode(model).finish();
}

/** `wt`, the `[k, n]` transpose of row-major `[n, k]` weights (ONNX's MatMul takes `A · B`). */
export function transpose<T extends Int8Array | Float32Array>(w: T, n: number, k: number): T {
  const out = new (w.constructor as new (length: number) => T)(w.length);
  for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) out[p * n + j] = w[j * k + p];
  return out;
}

/**
 * `Y = MatMulInteger(A, B)`: uint8 `A [m, k]` (zero point 0) times int8 `B [k, n]`, int32 out.
 *
 * @param b The int8 weights as `B`, `[k, n]`.
 * @param m Rows of `A`.
 * @param k Its columns.
 * @param n Columns of `B`.
 * @returns The model bytes.
 */
export function matMulIntegerModel(b: Int8Array, m: number, k: number, n: number): Uint8Array {
  return oneNodeModel(
    "MatMulInteger",
    { name: "A", dtype: "uint8", dims: [m, k] },
    [{ name: "B", dtype: "int8", dims: [k, n], data: b }],
    ["A", "B"],
    { name: "Y", dtype: "int32", dims: [m, n] },
  );
}

/** The quantization parameters of a QLinearMatMul. */
export interface QLinearParams {
  /** Scale of `A` (int8, zero point 0). */
  readonly aScale: number;
  /** Scales of `B`, one per column (`n`), zero points 0. */
  readonly bScale: Float32Array;
  /** Scale of `Y` (int8, zero point 0). */
  readonly yScale: number;
}

/**
 * `Y = QLinearMatMul(A, B)`: int8 `A [m, k]` times int8 `B [k, n]` with per-column scales,
 * requantized to int8 `Y [m, n]`; every zero point 0. (ONNX Runtime's kernel gives `Y` the type
 * of `A`, so an int8 output needs an int8 `A`: 7-bit inputs are the same bytes either way.)
 *
 * @param b The int8 weights as `B`, `[k, n]`.
 * @param m Rows of `A`.
 * @param k Its columns.
 * @param n Columns of `B`.
 * @param q The scales.
 * @returns The model bytes.
 */
export function qlinearMatMulModel(
  b: Int8Array,
  m: number,
  k: number,
  n: number,
  q: QLinearParams,
): Uint8Array {
  return oneNodeModel(
    "QLinearMatMul",
    { name: "A", dtype: "int8", dims: [m, k] },
    [
      { name: "a_scale", dtype: "float32", dims: [], data: Float32Array.of(q.aScale) },
      { name: "a_zero_point", dtype: "int8", dims: [], data: Int8Array.of(0) },
      { name: "B", dtype: "int8", dims: [k, n], data: b },
      { name: "b_scale", dtype: "float32", dims: [n], data: q.bScale },
      { name: "b_zero_point", dtype: "int8", dims: [n], data: new Int8Array(n) },
      { name: "y_scale", dtype: "float32", dims: [], data: Float32Array.of(q.yScale) },
      { name: "y_zero_point", dtype: "int8", dims: [], data: Int8Array.of(0) },
    ],
    ["A", "a_scale", "a_zero_point", "B", "b_scale", "b_zero_point", "y_scale", "y_zero_point"],
    { name: "Y", dtype: "int8", dims: [m, n] },
  );
}

/**
 * `Y = MatMul(A, B)` in float32: `A [m, k]` times `B [k, n]`.
 *
 * @param b The weights as `B`, `[k, n]`.
 * @param m Rows of `A`.
 * @param k Its columns.
 * @param n Columns of `B`.
 * @returns The model bytes.
 */
export function matMulModel(b: Float32Array, m: number, k: number, n: number): Uint8Array {
  return oneNodeModel(
    "MatMul",
    { name: "A", dtype: "float32", dims: [m, k] },
    [{ name: "B", dtype: "float32", dims: [k, n], data: b }],
    ["A", "B"],
    { name: "Y", dtype: "float32", dims: [m, n] },
  );
}
