import assert from "node:assert/strict";
import { Linear } from "@tinytorch/layers";
import { rand, Tensor, tensor } from "@tinytorch/tensor";
import { QuantizedLinear, QuantizedTensor, quantizeInt8 } from "./mod.ts";

const input = { scale: 0.25, zeroPoint: 0, qmin: 0, qmax: 127 };
const weight = (zeroPoint = 0) =>
  new QuantizedTensor({
    values: new Tensor(Int8Array.of(1, -2, 3, 4), [2, 2]),
    scale: Float32Array.of(0.5),
    zeroPoint: Int32Array.of(zeroPoint),
    axis: null,
    scheme: "symmetric",
    bits: 8,
  });

Deno.test("quantization: given scales and zero points are checked, with the values in the message", () => {
  const x = tensor([[1, 2], [3, 4]]);
  assert.throws(
    () => quantizeInt8(x, { scale: 0 }),
    /scale 0 \(channel 0\): expected a positive finite/,
  );
  assert.throws(() => quantizeInt8(x, { scale: 1e-46 }), /scale 1e-46 \(channel 0\)/);
  assert.throws(
    () => quantizeInt8(x, { scale: 1, zeroPoint: 128 }),
    /zeroPoint 128 .* \[-128,127\]/,
  );
  assert.throws(() => quantizeInt8(x, { scale: 1, zeroPoint: 0.5 }), RangeError);
  assert.throws(
    () => quantizeInt8(x, { scale: [1, 2, 3], axis: 0 }),
    /2 channel\(s\) with 3 scale/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => quantizeInt8(x, { scale: "1" as any }), TypeError);
  assert.throws(
    () => quantizeInt8(x, { scale: 1, range: { min: 0, max: 1 } }),
    /both a range and a given scale/,
  );
  const q = quantizeInt8(x, { scale: 0.1 });
  assert.deepEqual(q.scale, Float32Array.of(0.1), "rounded to float32, as ONNX stores it");
  assert.deepEqual(Array.from(q.values.data), [10, 20, 30, 40]);
});

Deno.test("quantization: the uint8 form shifts by 128 both ways, exactly; bad bytes are refused", () => {
  const q = quantizeInt8(rand([3, 5], { seed: 3 }), { axis: 0 });
  const u = q.toUint8();
  assert.deepEqual(Array.from(u.values), Array.from(q.values.data, (v) => v + 128));
  const back = QuantizedTensor.fromUint8(u.values, {
    shape: q.shape,
    scale: q.scale,
    zeroPoint: u.zeroPoint,
    axis: q.axis,
  });
  assert.deepEqual([back.values.data, back.zeroPoint, back.scale], [
    q.values.data,
    q.zeroPoint,
    q.scale,
  ]);
  const four = QuantizedTensor.fromUint8(Uint8Array.of(0, 15), {
    shape: [2],
    scale: Float32Array.of(1),
    zeroPoint: Uint8Array.of(8),
    axis: null,
    bits: 4,
  });
  assert.deepEqual(Array.from(four.values.data), [-8, 7]);
  assert.throws(
    () =>
      QuantizedTensor.fromUint8(Uint8Array.of(16), {
        shape: [1],
        scale: Float32Array.of(1),
        zeroPoint: Uint8Array.of(8),
        axis: null,
        bits: 4,
      }),
    /unsigned value 16 \(index 0\) as 4 bits: expected 0 to 15/,
  );
  assert.throws(
    () =>
      QuantizedTensor.fromUint8(Uint8Array.of(1, 2), {
        shape: [3],
        scale: Float32Array.of(1),
        zeroPoint: Uint8Array.of(0),
        axis: null,
      }),
    /2 values as a tensor of shape \[3\]/,
  );
});

Deno.test("quantization: fromQuantized builds the layer fromLinear builds, from its integer parts", () => {
  const fp32 = new Linear(20, 6, { seed: 4 });
  const a = QuantizedLinear.fromLinear(fp32, { inputRange: { min: -1, max: 2 } });
  const int32Bias = a.parameters()[1] as Tensor;
  assert.equal(int32Bias.dtype, "int32");
  const b = QuantizedLinear.fromQuantized({
    weight: a.weight,
    bias: int32Bias.data as Int32Array,
    input: a.inputQuantization!,
  });
  const x = rand([3, 20], { seed: 5 }).mul(3).sub(1); // in [-1, 2)
  assert.deepEqual(b.forward(x).data, a.forward(x).data);
  assert.deepEqual(b.memoryUsage(), a.memoryUsage());
  // The public bias is float32 either way: the int32 bias times s_in · s_w.
  assert.equal(a.bias?.dtype, "float32");
  const s = a.inputQuantization!.scale;
  assert.deepEqual(
    a.bias?.data,
    Float32Array.from(int32Bias.data, (v, j) => v * s * a.weight.scale[j]),
  );
  assert.equal(QuantizedLinear.fromLinear(fp32).bias?.dtype, "float32");
  assert.equal(QuantizedLinear.fromLinear(fp32).inputQuantization, null);
});

Deno.test("quantization: fromQuantized refuses parts the integer kernels cannot take", () => {
  assert.throws(
    () => QuantizedLinear.fromQuantized({ weight: weight(3), input }),
    /zero point 3 \(row 0\): the integer kernels take symmetric weights/,
  );
  assert.throws(
    () => QuantizedLinear.fromQuantized({ weight: weight(), bias: Int32Array.of(1), input }),
    /int32 bias of 1 values for 2 outputs/,
  );
  assert.throws(
    () => QuantizedLinear.fromQuantized({ weight: weight(), input: { ...input, qmin: 5 } }),
    /Cannot quantize inputs with .*"qmin":5/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => QuantizedLinear.fromQuantized({ weight: tensor([1]) as any, input }),
    TypeError,
  );
  // deno-lint-ignore no-explicit-any
  const floatBias = Float32Array.of(1, 2) as any;
  assert.throws(
    () => QuantizedLinear.fromQuantized({ weight: weight(), bias: floatBias, input }),
    TypeError,
  );
});

Deno.test("quantization: 4 bits or fewer are stored two values per byte, low nibble first", () => {
  const q = quantizeInt8(tensor([[-8, 7, -1], [3, 0, -4]]), { scale: 1, bits: 4 });
  assert.deepEqual(Array.from(q.values.data), [-8, 7, -1, 3, 0, -4]);
  // -8 → 0x8, 7 → 0x7: 0x78; -1 → 0xF, 3 → 0x3: 0x3F; 0, -4 → 0xC: 0xC0
  assert.deepEqual(q.packed, Uint8Array.of(0x78, 0x3f, 0xc0));
  assert.equal(q.nbytes, 3 + 4 + 4);
  assert.equal(quantizeInt8(tensor([1, 2, 3]), { bits: 2, scheme: "symmetric" }).nbytes, 2 + 8);
  assert.equal(quantizeInt8(tensor([1, 2, 3]), { bits: 5 }).packed, null);
  assert.throws(
    () =>
      new QuantizedTensor({
        values: new Tensor(Int8Array.of(8), [1]),
        scale: Float32Array.of(1),
        zeroPoint: Int32Array.of(0),
        axis: null,
        scheme: "asymmetric",
        bits: 4,
      }),
    /Cannot store 8 \(index 0\) in 4 bits: expected -8 to 7/,
  );
});

Deno.test("quantization: a 4-bit layer is unpacked once at load and computes as its int8 twin", () => {
  const fp32 = new Linear(48, 7, { seed: 6 });
  const packed = QuantizedLinear.fromLinear(fp32, { bits: 4, inputRange: { min: 0, max: 1 } });
  assert.notEqual(packed.weight.packed, null);
  const twinWeight = new QuantizedTensor({
    ...packed.weight,
    values: packed.weight.values,
    bits: 8,
  });
  const twin = QuantizedLinear.fromQuantized({
    weight: twinWeight,
    bias: (packed.parameters()[1] as Tensor).data as Int32Array,
    input: packed.inputQuantization!,
  });
  const x = rand([5, 48], { seed: 7 });
  assert.deepEqual(packed.forward(x).data, twin.forward(x).data);
  const m = packed.memoryUsage();
  // weights 336 values in 168 bytes, 7 scales and zero points, 7 int32 biases
  assert.equal(m.quantizedBytes, 168 + 7 * 8 + 7 * 4);
  // the kernel's unpacked int8 copy is working memory, not state (the 8-bit twin shares it)
  assert.equal(m.scratchBytes - twin.memoryUsage().scratchBytes, 336);
});
