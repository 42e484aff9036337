import assert from "node:assert/strict";
import { Linear, ReLU, Sequential } from "@tinytorch/layers";
import { tensor, zeros } from "@tinytorch/tensor";
import {
  dequantizeInt8,
  inputQuantization,
  MinMaxObserver,
  QuantizedLinear,
  QuantizedTensor,
  quantizeInt8,
  quantizeModel,
} from "./mod.ts";

Deno.test("quantization: an unknown scheme or observer is a TypeError, not a silent default", () => {
  // deno-lint-ignore no-explicit-any
  const sym = { scheme: "sym" } as any;
  assert.throws(() => quantizeInt8(tensor([1, 2]), sym), /scheme "sym": expected "asymmetric" or/);
  const model = new Sequential(new Linear(2, 2, { seed: 1 }), new ReLU());
  // deno-lint-ignore no-explicit-any
  const foo = { observer: "foo" } as any;
  assert.throws(() => quantizeModel(model, zeros([1, 2]), foo), TypeError);
  assert.throws(() => quantizeModel(model, zeros([2])), RangeError);
});

Deno.test("quantization: a calibrated range saturates what lies outside it, as QuantizeLinear does", () => {
  // [2, 2] widens to [0, 2]: scale fround(2 / 255), zero point -128. 1 / scale is 127.4999924 in
  // float32 (rounds to 127: -1); 5 saturates at 127, -3 at -128.
  const q = quantizeInt8(tensor([0, 1, 2, 5, -3]), { range: { min: 2, max: 2 } });
  assert.deepEqual(Array.from(q.values.data), [-128, -1, 127, 127, -128]);
  // [0, 0] gets scale 1 and zero point -128: zeros stay exact, 300 saturates at 127 (255).
  const zero = quantizeInt8(tensor([300, -1, 0]), { range: { min: 0, max: 0 } });
  assert.deepEqual(Array.from(dequantizeInt8(zero).data), [255, 0, 0]);
  assert.deepEqual(inputQuantization({ min: 0, max: 0 }), {
    scale: 1,
    zeroPoint: 0,
    qmin: 0,
    qmax: 0,
  });
});

Deno.test("quantization: scales that float32 cannot hold are a RangeError", () => {
  assert.throws(() => quantizeInt8(tensor([-3.4e38, 3.4e38])), /too large/);
  assert.throws(
    () => quantizeInt8(tensor([1]), { range: { min: -1e300, max: 1e300 } }),
    /too large/,
  );
  assert.throws(() => quantizeInt8(tensor([0, 1e-44])), /is zero/);
});

Deno.test("quantization: malformed ranges, tensors and axes get typed errors", () => {
  // deno-lint-ignore no-explicit-any
  const noMin = { range: { max: 1 } } as any;
  assert.throws(() => quantizeInt8(tensor([1]), noMin), TypeError);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => new MinMaxObserver().observe([1, 2] as any), TypeError);
  assert.throws(
    () =>
      new QuantizedTensor({
        values: tensor([1], { dtype: "int8" }),
        scale: Float32Array.of(1),
        zeroPoint: Int32Array.of(0),
        axis: 3,
        scheme: "symmetric",
        bits: 8,
      }),
    /axis 3: expected null or 0 to 0/,
  );
});

Deno.test("quantization: a bias that int32 cannot hold at s_in·s_w is a RangeError", () => {
  const layer = new Linear(4, 2, { seed: 1 });
  layer.bias = tensor([5, -5]);
  assert.throws(
    () => QuantizedLinear.fromLinear(layer, { inputRange: { min: 0, max: 1e-7 } }),
    /Cannot store bias 5 of output 0 as int32/,
  );
  assert.throws(
    () => QuantizedLinear.fromLinear(layer, { inputRange: { min: 0, max: 1 }, maxBatch: 0 }),
    RangeError,
  );
});

Deno.test("quantization: memoryUsage counts every stored byte of a 784→128 layer", () => {
  const layer = new Linear(784, 128, { seed: 1 });
  const unsigned = QuantizedLinear.fromLinear(layer, { inputRange: { min: 0, max: 1 } });
  assert.deepEqual(
    { ...unsigned.memoryUsage(), ratio: undefined, scratchBytes: undefined },
    {
      fp32Bytes: 401_920,
      quantizedBytes: 100_352 + 128 * 12,
      ratio: undefined,
      scratchBytes: undefined,
    },
  );
  assert.ok(unsigned.memoryUsage().ratio >= 3.9);
  const signed = QuantizedLinear.fromLinear(layer, { inputRange: { min: -1, max: 1 } });
  assert.equal(signed.memoryUsage().quantizedBytes, 100_352 + 128 * 16, "row sums count");
  assert.equal(signed.parameters().reduce((n, p) => n + p.nbytes, 0), 100_352 + 128 * 16);
  assert.equal(QuantizedLinear.fromLinear(layer).memoryUsage().quantizedBytes, 100_352 + 128 * 12);
});

Deno.test("quantization: a QuantizedLinear tells profiling which compute roof it runs on", () => {
  const layer = new Linear(8, 4, { seed: 1 });
  assert.equal(QuantizedLinear.fromLinear(layer).precision, "float32"); // simulated path
  const calibrated = QuantizedLinear.fromLinear(layer, { inputRange: { min: 0, max: 1 } });
  assert.equal(calibrated.precision, "int8");
});
