import { ONNX_DTYPE, type OnnxDtype, onnxDtypeOf, TensorProto } from "./onnx_proto.ts";

/** The typed array that holds each ONNX element type here (4-bit values one per element). */
export interface OnnxArrays {
  /** `float`. */
  float32: Float32Array;
  /** `uint8`. */
  uint8: Uint8Array;
  /** `int8`. */
  int8: Int8Array;
  /** `int32`. */
  int32: Int32Array;
  /** `int64`. */
  int64: BigInt64Array;
  /** `double`. */
  float64: Float64Array;
  /** `uint4`, one value in 0..15 per element (packed two per byte in the file). */
  uint4: Uint8Array;
  /** `int4`, one value in -8..7 per element (packed two per byte in the file). */
  int4: Int8Array;
}

/** A tensor as ONNX stores it: element type, shape and values. */
export interface OnnxTensor<D extends OnnxDtype = OnnxDtype> {
  /** The tensor's name (initializers and test tensors have one). */
  readonly name: string;
  /** The element type. */
  readonly dtype: D;
  /** The shape (`[]` for a scalar). */
  readonly dims: readonly number[];
  /** The values, row-major. */
  readonly data: OnnxArrays[D];
}

const ARRAY = {
  float32: Float32Array,
  uint8: Uint8Array,
  int8: Int8Array,
  int32: Int32Array,
  int64: BigInt64Array,
  float64: Float64Array,
  uint4: Uint8Array,
  int4: Int8Array,
} as const;

const size = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

function unpack4(bytes: Uint8Array, count: number, signed: boolean): Uint8Array | Int8Array {
  const out = signed ? new Int8Array(count) : new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const nibble = (bytes[i >> 1] >> ((i & 1) * 4)) & 0xf;
    out[i] = signed && nibble > 7 ? nibble - 16 : nibble;
  }
  return out;
}

function pack4(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) out[i >> 1] |= (values[i] & 0xf) << ((i & 1) * 4);
  return out;
}

function fromRaw(dtype: OnnxDtype, raw: Uint8Array, count: number): OnnxArrays[OnnxDtype] {
  if (dtype === "uint4" || dtype === "int4") return unpack4(raw, count, dtype === "int4");
  const copy = new Uint8Array(raw); // a copy: aligned, and free of the message's buffer (a Buffer slices by view)
  return new ARRAY[dtype](copy.buffer, 0, count);
}

// deno-lint-ignore no-explicit-any -- protobufjs messages are plain objects of the schema's fields
function fromFields(dtype: OnnxDtype, m: any, count: number): OnnxArrays[OnnxDtype] {
  if (dtype === "float32") return Float32Array.from(m.floatData ?? []);
  if (dtype === "float64") return Float64Array.from(m.doubleData ?? []);
  if (dtype === "int64") return BigInt64Array.from((m.int64Data ?? []).map(BigInt));
  const ints: number[] = m.int32Data ?? [];
  if (dtype === "uint4" || dtype === "int4") {
    return unpack4(Uint8Array.from(ints), count, dtype === "int4");
  }
  return ARRAY[dtype].from(ints);
}

/**
 * Decodes an ONNX `TensorProto` (a `.pb` test tensor, or an initializer's bytes), from its
 * `raw_data` or from its typed fields.
 *
 * @param bytes The encoded message.
 * @returns The tensor.
 * @throws {TypeError} For an element type not handled here, or data of the wrong length.
 */
export function decodeOnnxTensor(bytes: Uint8Array): OnnxTensor {
  const m = TensorProto.toObject(TensorProto.decode(bytes), { longs: Number, bytes: Uint8Array });
  const dtype = onnxDtypeOf(m.dataType);
  const dims: number[] = m.dims ?? [];
  const count = size(dims);
  const data = m.rawData?.length ? fromRaw(dtype, m.rawData, count) : fromFields(dtype, m, count);
  if (data.length !== count) {
    throw new TypeError(
      `Cannot read the ONNX tensor ${m.name ?? ""}: shape [${dims}] holds ${count} values, ` +
        `its data ${data.length}`,
    );
  }
  return { name: m.name ?? "", dtype, dims, data };
}

/**
 * The fields of a `TensorProto` for a tensor, with its values in `raw_data` (little-endian, and
 * 4-bit values packed two per byte, the first in the low nibble), ready for protobufjs to encode.
 *
 * @param t The tensor.
 * @returns The message's fields.
 * @throws {RangeError} If the data does not fill the shape.
 */
export function onnxTensorFields(t: OnnxTensor): Record<string, unknown> {
  if (t.data.length !== size(t.dims)) {
    throw new RangeError(
      `Cannot store the ONNX tensor ${t.name}: shape [${t.dims}] holds ${size(t.dims)} values, ` +
        `its data ${t.data.length}`,
    );
  }
  const raw = t.dtype === "uint4" || t.dtype === "int4"
    ? pack4(t.data as Uint8Array | Int8Array)
    : new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return { name: t.name, dataType: ONNX_DTYPE[t.dtype], dims: t.dims, rawData: raw };
}

/**
 * Encodes a tensor as an ONNX `TensorProto`.
 *
 * @param t The tensor.
 * @returns The encoded message.
 */
export function encodeOnnxTensor(t: OnnxTensor): Uint8Array {
  return TensorProto.encode(TensorProto.fromObject(onnxTensorFields(t))).finish();
}
