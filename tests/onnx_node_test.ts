/**
 * ONNX's own operator tests for the quantization operators (tests/testdata/onnx/, from
 * libonnx-testdata), run bit for bit through the public API. ONNX's activations are uint8; the
 * course stores int8, and `toUint8` / `QuantizedTensor.fromUint8` shift by 128 exactly.
 *
 * @module
 */
import assert from "node:assert/strict";
import { Tensor } from "@tinytorch/tensor";
import {
  dequantizeInt8,
  QuantizedTensor,
  quantizeInt8,
  requantize,
  requantizeMultiplier,
} from "@tinytorch/quantization";
import { matmulInt8Scalar, rowSums } from "@tinytorch/quantization/kernels";

interface JsonTensor {
  readonly name: string;
  readonly dtype: string;
  readonly dims: number[];
  readonly data: number[];
}

interface NodeTest {
  readonly source: string;
  readonly op: string;
  readonly opset: number;
  readonly attributes: Record<string, number>;
  readonly inputs: JsonTensor[];
  readonly outputs: JsonTensor[];
}

const DIR = new URL("./testdata/onnx/", import.meta.url);

async function nodeTests(): Promise<[string, NodeTest][]> {
  const tests: [string, NodeTest][] = [];
  for await (const e of Deno.readDir(DIR)) {
    if (e.name.endsWith(".json")) {
      tests.push([e.name, JSON.parse(await Deno.readTextFile(new URL(e.name, DIR)))]);
    }
  }
  return tests.sort(([a], [b]) => a.localeCompare(b));
}

const u8ToI8 = (data: number[]) => Int8Array.from(data, (v) => v - 128);

/** The channel axis of a per-axis parameter (ONNX's default axis is 1), or undefined. */
function axisOf(t: NodeTest, param: JsonTensor, x: JsonTensor): number | undefined {
  if (param.dims.length === 0 || param.data.length === 1 && x.dims.length <= 1) return undefined;
  const axis = t.attributes.axis ?? 1;
  return axis < 0 ? axis + x.dims.length : axis;
}

/** `(A − aZero)(B − bZero)` as int32, from the int8 forms: Σ A·B minus the zero-point terms. */
function matmulInteger(
  a: JsonTensor,
  b: JsonTensor,
  aZero: number,
  bZero: number,
): { acc: Int32Array; dims: number[] } {
  const [k, n] = b.dims.slice(-2);
  const m = a.data.length / k;
  const batches = b.dims.length > 2 ? b.dims[0] : 1;
  const rowsPerBatch = m / batches;
  const acc = new Int32Array(m * n);
  for (let batch = 0; batch < batches; batch++) {
    const x = u8ToI8(a.data.slice(batch * rowsPerBatch * k, (batch + 1) * rowsPerBatch * k));
    const bb = b.data.slice(batch * k * n, (batch + 1) * k * n);
    // The kernels take weights as rows of k ([n, k]); ONNX's B is [k, n].
    const w = Int8Array.from(
      { length: n * k },
      (_, i) => bb[(i % k) * n + Math.floor(i / k)] - 128,
    );
    const za = aZero - 128;
    const zb = bZero - 128;
    const xw = matmulInt8Scalar(x, w, { m: rowsPerBatch, n, k });
    const xSums = rowSums(x, [rowsPerBatch, k]);
    const wSums = rowSums(w, [n, k]);
    for (let i = 0; i < rowsPerBatch; i++) {
      for (let j = 0; j < n; j++) {
        acc[(batch * rowsPerBatch + i) * n + j] = xw[i * n + j] - zb * xSums[i] -
          za * wSums[j] + k * za * zb;
      }
    }
  }
  return { acc, dims: [...a.dims.slice(0, -1), n] };
}

/** What the course computes for one ONNX node test: its outputs' data, in ONNX's types. */
function run(t: NodeTest): number[][] {
  const [x] = t.inputs;
  if (t.op === "QuantizeLinear") {
    const [, scale, zero] = t.inputs;
    const q = quantizeInt8(new Tensor(Float32Array.from(x.data), x.dims), {
      scale: scale.data,
      zeroPoint: zero.data.map((z) => z - 128),
      axis: axisOf(t, scale, x),
    });
    return [Array.from(q.toUint8().values)];
  }
  if (t.op === "DequantizeLinear") {
    const [, scale, zero] = t.inputs;
    const axis = axisOf(t, scale, x);
    const q = QuantizedTensor.fromUint8(Uint8Array.from(x.data), {
      shape: x.dims,
      scale: Float32Array.from(scale.data),
      zeroPoint: Uint8Array.from(zero.data),
      axis: axis ?? null,
    });
    return [Array.from(dequantizeInt8(q).data)];
  }
  if (t.op === "DynamicQuantizeLinear") {
    const q = quantizeInt8(new Tensor(Float32Array.from(x.data), x.dims));
    const u = q.toUint8();
    return [Array.from(u.values), Array.from(q.scale), Array.from(u.zeroPoint)];
  }
  if (t.op === "MatMulInteger") {
    const [a, b, aZero, bZero] = t.inputs;
    return [Array.from(matmulInteger(a, b, aZero.data[0], bZero?.data[0] ?? 0).acc)];
  }
  if (t.op === "QLinearMatMul") {
    const [a, aScale, aZero, b, bScale, bZero, yScale, yZero] = t.inputs;
    const { acc } = matmulInteger(a, b, aZero.data[0], bZero.data[0]);
    const multiplier = requantizeMultiplier(aScale.data[0], bScale.data[0], yScale.data[0]);
    const q = requantize(acc, { multiplier, zeroPoint: yZero.data[0] - 128 });
    return [Array.from(q, (v) => v + 128)];
  }
  throw new TypeError(`no course path for the ONNX operator ${t.op}`);
}

for (const [file, t] of await nodeTests()) {
  Deno.test(`onnx: ${t.op} passes ONNX's ${file.replace(/\.json$/, "")} bit for bit`, () => {
    const got = run(t);
    assert.equal(got.length, t.outputs.length);
    for (const [i, want] of t.outputs.entries()) {
      const exact = want.dtype === "float32" ? Array.from(Float32Array.from(want.data)) : want.data;
      assert.deepEqual(got[i], exact, `${want.name} (${t.source})`);
    }
  });
}

Deno.test("onnx: the node test data holds every quantization operator", async () => {
  const ops = new Set((await nodeTests()).map(([, t]) => t.op));
  assert.deepEqual([...ops].sort(), [
    "DequantizeLinear",
    "DynamicQuantizeLinear",
    "MatMulInteger",
    "QLinearMatMul",
    "QuantizeLinear",
  ]);
});
