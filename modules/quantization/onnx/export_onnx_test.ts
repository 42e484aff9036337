import assert from "node:assert/strict";
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
import { rand, Tensor } from "@tinytorch/tensor";
import { QuantizedLinear } from "../quantized_linear.ts";
import { quantizeModel } from "../quantize_model.ts";
import { exportOnnx } from "./export_onnx.ts";
import { ModelProto, TensorProto } from "./onnx_proto.ts";
import { decodeOnnxTensor } from "./onnx_tensor.ts";

// deno-lint-ignore no-explicit-any -- protobufjs messages are plain objects of the schema's fields
type Message = any;

function decode(bytes: Uint8Array): Message {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number });
}

const ops = (m: Message): string[] => m.graph.node.map((n: Message) => n.opType);

function initializer(m: Message, name: string) {
  const t = m.graph.initializer.find((i: Message) => i.name === name);
  assert.ok(t, `no initializer ${name}`);
  return decodeOnnxTensor(TensorProto.encode(t).finish()); // the codec reads it back
}

function mlp(): Sequential {
  return new Sequential(new Linear(5, 7, { seed: 1 }), new ReLU(), new Linear(7, 3, { seed: 2 }));
}

Deno.test("quantization: exportOnnx writes IR 10, opset 21, one input and one output with a batch dimension N", () => {
  const m = decode(exportOnnx(mlp()));
  assert.equal(m.irVersion, 10);
  assert.deepEqual(m.opsetImport.map((o: Message) => [o.domain ?? "", o.version]), [["", 21]]);
  assert.equal(m.producerName, "tinytorch");
  const dims = (v: Message) =>
    v.type.tensorType.shape.dim.map((d: Message) => d.dimParam ?? d.dimValue);
  assert.deepEqual(m.graph.input.map((v: Message) => [v.name, dims(v)]), [["input", ["N", 5]]]);
  assert.deepEqual(m.graph.output.map((v: Message) => [v.name, dims(v)]), [["output", ["N", 3]]]);
  assert.equal(m.graph.node.at(-1).output[0], "output");
});

Deno.test("quantization: a float32 model exports as MatMul and Add with transposed weights", () => {
  const model = mlp();
  const m = decode(exportOnnx(model));
  assert.deepEqual(ops(m), ["MatMul", "Add", "Relu", "MatMul", "Add"]);
  const w = initializer(m, "layers.0.weight_t");
  assert.deepEqual(w.dims, [5, 7]);
  const weight = (model.layers[0] as Linear).weight;
  assert.equal(w.data[1 * 7 + 2], weight.data[2 * 5 + 1]); // W_t[1, 2] = W[2, 1]
});

Deno.test("quantization: the QDQ form quantizes the inputs and dequantizes int8 weights per channel and an int32 bias", () => {
  const { model } = quantizeModel(mlp(), rand([16, 5], { seed: 3 }));
  const m = decode(exportOnnx(model, { form: "qdq" }));
  const layer = [
    "Clip",
    "QuantizeLinear",
    "DequantizeLinear",
    "DequantizeLinear",
    "MatMul",
    "DequantizeLinear",
    "Add",
  ];
  assert.deepEqual(ops(m), [...layer, "Relu", ...layer]);
  const wdq = m.graph.node.find((n: Message) => n.output[0] === "layers.0.weight_t");
  assert.deepEqual(wdq.attribute.map((a: Message) => [a.name, a.i]), [["axis", 1]]);
  const q = model.layers[0] as QuantizedLinear;
  const w = initializer(m, "layers.0.weight_t_quantized");
  assert.equal(w.dtype, "int8");
  assert.equal(w.data[1 * 7 + 2], q.weight.values.data[2 * 5 + 1]);
  assert.deepEqual(initializer(m, "layers.0.weight_scale").data, q.weight.scale);
  assert.deepEqual(
    initializer(m, "layers.0.bias_quantized").data,
    (q.parameters()[1] as Tensor).data,
  );
  const input = q.inputQuantization!;
  assert.deepEqual(initializer(m, "layers.0.input_scale").data, Float32Array.of(input.scale));
  assert.deepEqual(initializer(m, "layers.0.input_zero_point").data, Uint8Array.of(0));
});

Deno.test("quantization: the integer form is MatMulInteger, an int32 bias and the layer's float64 rescale", () => {
  const { model } = quantizeModel(mlp(), rand([16, 5], { seed: 3 }));
  const m = decode(exportOnnx(model, { form: "integer" }));
  const layer = ["Clip", "QuantizeLinear", "MatMulInteger", "Add", "Cast", "Mul", "Cast"];
  assert.deepEqual(ops(m), [...layer, "Relu", ...layer]);
  const q = model.layers[2] as QuantizedLinear;
  const scale = initializer(m, "layers.2.output_scale");
  assert.equal(scale.dtype, "float64");
  const s = q.inputQuantization!.scale;
  assert.deepEqual(scale.data, Float64Array.from(q.weight.scale, (w) => s * w));
  const casts = m.graph.node.filter((n: Message) => n.opType === "Cast");
  assert.deepEqual(casts.map((n: Message) => n.attribute[0].i), [11, 1, 11, 1]); // double, float
  // The unsigned scheme's zero point is 0: MatMulInteger gets no a_zero_point.
  assert.equal(m.graph.node.find((n: Message) => n.opType === "MatMulInteger").input.length, 2);
});

Deno.test("quantization: the 7-bit input scheme is clipped where fround(x / scale) rounds to 127", () => {
  const { model } = quantizeModel(mlp(), rand([16, 5], { seed: 3 }));
  const m = decode(exportOnnx(model, { form: "integer" }));
  for (const i of [0, 2]) {
    const { scale, qmax } = (model.layers[i] as QuantizedLinear).inputQuantization!;
    const [max] = initializer(m, `layers.${i}.input_max`).data as Float32Array;
    assert.equal(Math.round(Math.fround(max / scale)), qmax);
    assert.equal(Math.fround(max), max);
  }
});

Deno.test("quantization: signed inputs get a uint8 zero point shifted by 128 and no Clip", () => {
  const x = new Tensor(Float32Array.from(rand([16, 5], { seed: 4 }).data, (v) => v - 0.5), [16, 5]);
  const { model } = quantizeModel(mlp(), x, { perChannel: false });
  const q = model.layers[0] as QuantizedLinear;
  const m = decode(exportOnnx(model, { form: "integer" }));
  assert.equal(ops(m)[0], "QuantizeLinear");
  const zero = initializer(m, "layers.0.input_zero_point");
  assert.deepEqual(zero.data, Uint8Array.of(q.inputQuantization!.zeroPoint + 128));
  const mmi = m.graph.node.find((n: Message) => n.opType === "MatMulInteger");
  assert.deepEqual(mmi.input, [
    "layers.0.input_quantized",
    "layers.0.weight_t_quantized",
    zero.name,
  ]);
  const qdq = decode(exportOnnx(model));
  assert.deepEqual(initializer(qdq, "layers.0.weight_scale").dims, []); // per tensor: a scalar
});

Deno.test("quantization: 4-bit weights are int4, two per byte, Cast to int8 for MatMulInteger", () => {
  const { model } = quantizeModel(mlp(), rand([16, 5], { seed: 3 }), { bits: 4 });
  for (const form of ["qdq", "integer"] as const) {
    const m = decode(exportOnnx(model, { form }));
    const w = initializer(m, "layers.0.weight_t_quantized");
    assert.equal(w.dtype, "int4");
    const q = model.layers[0] as QuantizedLinear;
    assert.equal(w.data[1 * 7 + 2], q.weight.values.data[2 * 5 + 1]);
    const raw = m.graph.initializer.find((i: Message) => i.name === "layers.0.weight_t_quantized");
    assert.equal(raw.rawData.length, Math.ceil(35 / 2));
    if (form === "integer") {
      assert.deepEqual(ops(m).slice(0, 4), ["Clip", "QuantizeLinear", "Cast", "MatMulInteger"]);
    }
  }
});

Deno.test("quantization: nested Sequentials are expanded, eval Dropout writes no node, activations map to ONNX", () => {
  const model = new Sequential(
    new Flatten(),
    new Sequential(new Linear(6, 4, { seed: 1 }), new Sigmoid(), new Dropout(0.5)),
    new Tanh(),
    new GELU({ approximate: "tanh" }),
    new Linear(4, 3, { seed: 2, bias: false }),
    new Softmax(),
  ).eval();
  const m = decode(exportOnnx(model, { inputShape: ["N", 2, 3] }));
  assert.deepEqual(ops(m), [
    "Flatten",
    "MatMul",
    "Add",
    "Sigmoid",
    "Tanh",
    "Gelu",
    "MatMul",
    "Softmax",
  ]);
  const gelu = m.graph.node.find((n: Message) => n.opType === "Gelu");
  assert.equal(new TextDecoder().decode(gelu.attribute[0].s), "tanh");
  const softmax = m.graph.node.find((n: Message) => n.opType === "Softmax");
  assert.equal(softmax.attribute[0].i, -1);
});

Deno.test("quantization: an uncalibrated QuantizedLinear exports its simulated path in the QDQ form only", () => {
  const q = QuantizedLinear.fromLinear(new Linear(5, 2, { seed: 1 }));
  const m = decode(exportOnnx(new Sequential(q)));
  assert.deepEqual(ops(m), ["DequantizeLinear", "MatMul", "Add"]);
  assert.throws(
    () => exportOnnx(new Sequential(q), { form: "integer" }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message.startsWith(
        "Cannot export layer 0 (QuantizedLinear(5, 2, int8 per channel, simulated)) to ONNX: it is not calibrated",
      ),
  );
});

Deno.test("quantization: exportOnnx names the layer it cannot export", () => {
  const training = new Sequential(new Linear(4, 4, { seed: 1 }), new ReLU(), new Dropout(0.5));
  assert.throws(
    () => exportOnnx(training),
    new RangeError(
      "Cannot export layer 2 (Dropout(p=0.5)) to ONNX: it is in training mode, where it drops values at random; call eval() on the model first",
    ),
  );
  class Double extends ReLU {
    override toString() {
      return "Double()";
    }
  }
  assert.ok(exportOnnx(new Sequential(new Linear(2, 2, { seed: 1 }), new Double())));
  class Custom extends Linear {}
  assert.ok(exportOnnx(new Custom(2, 2, { seed: 1 })), "a subclass of Linear is a Linear");
  class Square extends Layer {
    forward(x: Tensor) {
      return x;
    }
  }
  assert.throws(
    () => exportOnnx(new Sequential(new Linear(2, 2, { seed: 1 }), new Square())),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("Cannot export layer 1 (Square()) to ONNX: the exporter knows Linear,"),
  );
});

Deno.test("quantization: exportOnnx checks its arguments", () => {
  assert.throws(() => exportOnnx({} as never), TypeError);
  assert.throws(
    () => exportOnnx(mlp(), { form: "int8" as never }),
    new TypeError('Cannot export to ONNX in the form "int8": expected "qdq" or "integer"'),
  );
  assert.throws(() => exportOnnx(mlp(), { inputShape: [0, 5] }), RangeError);
  assert.throws(
    () => exportOnnx(new Sequential(new Flatten(), new Linear(4, 2, { seed: 1 }))),
    /without an inputShape/,
  );
  assert.throws(() => exportOnnx(mlp(), { inputShape: ["N", 4] }), RangeError); // 4 ≠ 5 inputs
});

Deno.test("quantization: exportOnnx writes the same bytes every time", () => {
  const { model } = quantizeModel(mlp(), rand([16, 5], { seed: 3 }));
  for (const form of ["qdq", "integer"] as const) {
    assert.deepEqual(exportOnnx(model, { form }), exportOnnx(model, { form }));
  }
});
