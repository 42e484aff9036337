import assert from "node:assert/strict";
import { decodeOnnxTensor, encodeOnnxTensor } from "./onnx_tensor.ts";
import { TensorProto } from "./onnx_proto.ts";

Deno.test("quantization: ONNX tensors round-trip through protobuf, 4-bit values two per byte", () => {
  const int4 = { name: "w", dtype: "int4", dims: [3], data: Int8Array.of(-8, 7, -1) } as const;
  const bytes = encodeOnnxTensor(int4);
  const raw = TensorProto.decode(bytes).toJSON().rawData;
  // -8 → 0x8 (low nibble), 7 → 0x7 (high nibble); -1 → 0xF alone in the last byte.
  assert.deepEqual(Uint8Array.from(atob(raw), (c) => c.charCodeAt(0)), Uint8Array.of(0x78, 0x0f));
  assert.deepEqual(decodeOnnxTensor(bytes), int4);
  for (
    const t of [
      { name: "x", dtype: "float32", dims: [2, 2], data: Float32Array.of(0.5, -1, 3e38, 0) },
      { name: "z", dtype: "uint8", dims: [], data: Uint8Array.of(255) },
      { name: "q", dtype: "uint4", dims: [2], data: Uint8Array.of(15, 0) },
      { name: "b", dtype: "int32", dims: [1], data: Int32Array.of(-(2 ** 31)) },
    ] as const
  ) assert.deepEqual(decodeOnnxTensor(encodeOnnxTensor(t)), t);
});

Deno.test("quantization: ONNX tensors are read from typed fields too, and checked", () => {
  const typed = TensorProto.encode(
    TensorProto.fromObject({ name: "y", dataType: 3, dims: [2], int32Data: [-128, 127] }),
  ).finish();
  assert.deepEqual(decodeOnnxTensor(typed).data, Int8Array.of(-128, 127));
  const short = TensorProto.encode(
    TensorProto.fromObject({ name: "y", dataType: 1, dims: [3], floatData: [1, 2] }),
  ).finish();
  assert.throws(() => decodeOnnxTensor(short), /shape \[3\] holds 3 values, its data 2/);
  const string = TensorProto.encode(TensorProto.fromObject({ dataType: 8, dims: [1] })).finish();
  assert.throws(() => decodeOnnxTensor(string), TypeError);
  assert.throws(
    () => encodeOnnxTensor({ name: "w", dtype: "int8", dims: [2, 2], data: Int8Array.of(1) }),
    /Cannot store the ONNX tensor w: shape \[2,2\] holds 4 values, its data 1/,
  );
});
