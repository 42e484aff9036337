/**
 * `@tinytorch/quantization/onnx`: the course's models as ONNX files. {@linkcode exportOnnx} writes
 * a float32 or quantized model (QDQ or integer form) as the bytes of a `.onnx` file that ONNX
 * Runtime runs and Netron opens; the protobuf schema and the tensor codec it is built on are here
 * too. Kept apart from `@tinytorch/quantization` so that the package loads without protobufjs.
 *
 * @example Export the quantized model
 * ```ts
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import { quantizeModel } from "@tinytorch/quantization";
 * import { exportOnnx, ModelProto } from "@tinytorch/quantization/onnx";
 * import { rand } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const fp32 = new Sequential(new Linear(4, 8, { seed: 1 }), new ReLU(), new Linear(8, 2, { seed: 2 }));
 * const { model } = quantizeModel(fp32, rand([16, 4], { seed: 3 }));
 * const bytes = exportOnnx(model, { form: "integer" });
 * const file = ModelProto.toObject(ModelProto.decode(bytes));
 * assert.deepEqual(file.graph.node.map((n: { opType: string }) => n.opType).slice(0, 4), [
 *   "Clip", "QuantizeLinear", "MatMulInteger", "Add",
 * ]);
 * ```
 *
 * @module
 */
export * from "./export_onnx.ts";
export * from "./onnx_proto.ts";
export * from "./onnx_tensor.ts";
