/**
 * A small builder of ONNX graphs for the exporter: nodes with unique output names, initializers
 * from typed arrays, and the `ModelProto` fields around them. Private: `exportOnnx` uses it.
 *
 * @module
 */
import { ModelProto, ONNX_DTYPE } from "./onnx_proto.ts";
import { type OnnxArrays, onnxTensorFields } from "./onnx_tensor.ts";
import type { OnnxDtype } from "./onnx_proto.ts";

/** An attribute value: an integer, a float, a string, or a list of integers. */
export type AttributeValue =
  | { readonly int: number }
  | { readonly float: number }
  | { readonly string: string }
  | { readonly ints: readonly number[] };

/** A dimension of a graph input or output: a size, or a symbolic name such as `"N"`. */
export type Dim = number | string;

function attribute(name: string, value: AttributeValue): Record<string, unknown> {
  if ("int" in value) return { name, type: "INT", i: value.int };
  if ("float" in value) return { name, type: "FLOAT", f: value.float };
  if ("ints" in value) return { name, type: "INTS", ints: value.ints };
  return { name, type: "STRING", s: new TextEncoder().encode(value.string) };
}

function valueInfo(name: string, dtype: OnnxDtype, dims: readonly Dim[]) {
  const dim = dims.map((d) => typeof d === "number" ? { dimValue: d } : { dimParam: d });
  return { name, type: { tensorType: { elemType: ONNX_DTYPE[dtype], shape: { dim } } } };
}

/** Collects the nodes and initializers of one graph, in order. */
export class GraphBuilder {
  readonly #nodes: Record<string, unknown>[] = [];
  readonly #initializers: Record<string, unknown>[] = [];
  readonly #names = new Set<string>();

  #fresh(name: string): string {
    if (this.#names.has(name)) throw new Error(`Duplicate ONNX value name ${name}`); // a bug here
    this.#names.add(name);
    return name;
  }

  /**
   * Adds a constant tensor.
   *
   * @returns Its name.
   */
  constant<D extends OnnxDtype>(
    name: string,
    dtype: D,
    dims: readonly number[],
    data: OnnxArrays[D],
  ): string {
    this.#initializers.push(onnxTensorFields({ name: this.#fresh(name), dtype, dims, data }));
    return name;
  }

  /**
   * Adds a node with one output named `output`. An input `""` is an omitted optional input.
   *
   * @returns The output's name.
   */
  node(
    opType: string,
    inputs: readonly string[],
    output: string,
    attributes: Readonly<Record<string, AttributeValue>> = {},
  ): string {
    let last = inputs.length;
    while (last > 0 && inputs[last - 1] === "") last--; // trailing omitted inputs are left out
    this.#nodes.push({
      opType,
      input: inputs.slice(0, last),
      output: [this.#fresh(output)],
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  /**
   * Renames the output of the last node (the graph's result gets the output's name).
   *
   * @returns `false` if there is no node.
   */
  renameLastOutput(name: string): boolean {
    const last = this.#nodes.at(-1);
    if (!last) return false;
    (last.output as string[])[0] = this.#fresh(name);
    return true;
  }

  /**
   * The encoded `.onnx` file: the default domain at `opset`, one float32 input
   * and one float32 output.
   */
  encode(options: {
    readonly graphName: string;
    readonly docString: string;
    readonly irVersion: number;
    readonly opset: number;
    readonly input: { readonly name: string; readonly dims: readonly Dim[] };
    readonly output: { readonly name: string; readonly dims: readonly Dim[] };
  }): Uint8Array {
    const model = ModelProto.fromObject({
      irVersion: options.irVersion,
      opsetImport: [{ domain: "", version: options.opset }],
      producerName: "tinytorch",
      producerVersion: "0.1.0",
      docString: options.docString,
      graph: {
        name: options.graphName,
        node: this.#nodes,
        initializer: this.#initializers,
        input: [valueInfo(options.input.name, "float32", options.input.dims)],
        output: [valueInfo(options.output.name, "float32", options.output.dims)],
      },
    });
    return ModelProto.encode(model).finish();
  }
}
