import protobuf from "protobufjs";
import { ONNX_PROTO } from "./_onnx_proto.ts";

const root = protobuf.Root.fromJSON(ONNX_PROTO as protobuf.INamespace);

/** ONNX's `ModelProto` message (a `.onnx` file), encoded and decoded by protobufjs. */
export const ModelProto: protobuf.Type = root.lookupType("onnx.ModelProto");

/** ONNX's `TensorProto` message (an initializer, or a `.pb` test tensor). */
export const TensorProto: protobuf.Type = root.lookupType("onnx.TensorProto");

/** The `TensorProto.DataType` codes this course reads and writes. */
export const ONNX_DTYPE = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  float64: 11,
  uint4: 21,
  int4: 22,
} as const;

/** An ONNX element type this course reads and writes. */
export type OnnxDtype = keyof typeof ONNX_DTYPE;

/**
 * The name of an ONNX data type code.
 *
 * @param code A `TensorProto.DataType` value.
 * @returns Its name here.
 * @throws {TypeError} For a type this course does not handle.
 */
export function onnxDtypeOf(code: number): OnnxDtype {
  const entry = Object.entries(ONNX_DTYPE).find(([, c]) => c === code);
  if (!entry) {
    throw new TypeError(`Cannot read an ONNX tensor of data type ${code}: it is not handled here`);
  }
  return entry[0] as OnnxDtype;
}
