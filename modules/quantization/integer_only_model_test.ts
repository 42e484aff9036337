import assert from "node:assert/strict";
import { Linear, ReLU, Sequential, Sigmoid } from "@tinytorch/layers";
import { rand } from "@tinytorch/tensor";
import { IntegerOnlyModel, QuantizedLinear, quantizeModel, requantize } from "./mod.ts";

const fp32 = () =>
  new Sequential(new Linear(12, 8, { seed: 1 }), new ReLU(), new Linear(8, 3, { seed: 2 }));

Deno.test("quantization: an integer-only model is the int8 model with int8 between its layers", () => {
  const x = rand([6, 12], { seed: 3 });
  const { model: int8 } = quantizeModel(fp32(), x);
  const { model } = quantizeModel(fp32(), x, { integerOnly: true });
  assert.ok(model instanceof IntegerOnlyModel);
  const [l1, relu, l2] = int8.layers as [QuantizedLinear, ReLU, QuantizedLinear];
  // By hand: layer 1's accumulators, requantized to layer 2's input scale (ReLU = clamp at its
  // zero point 0), then layer 2 as its own int8 path computes it from those integers.
  const acc1 = l1.accumulate(x.data as Float32Array, 6);
  const s1 = l1.inputQuantization!.scale;
  const s2 = l2.inputQuantization!.scale;
  const multiplier = Float32Array.from(
    l1.weight.scale,
    (w) => Math.fround(Math.fround(s1 * w) / s2),
  );
  const h = requantize(acc1, { multiplier, zeroPoint: 0, qmin: 0, qmax: 127 });
  const acc2 = l2.accumulate(h, 6);
  const want = Float32Array.from(acc2, (a, i) => a * (s2 * l2.weight.scale[i % 3]));
  assert.deepEqual(model.forward(x).data, want);
  assert.ok(relu instanceof ReLU);
  assert.deepEqual(model.forward(x).shape, [6, 3]);
  assert.equal(String(model), "IntegerOnlyModel(12→8→3, int8 between layers)");
});

Deno.test("quantization: an integer-only model names the layer it cannot run", () => {
  const x = rand([4, 12], { seed: 4 });
  const withSigmoid = new Sequential(
    new Linear(12, 8, { seed: 1 }),
    new Sigmoid(),
    new Linear(8, 3),
  );
  assert.throws(
    () => quantizeModel(withSigmoid, x, { integerOnly: true }),
    /Cannot run layer 1 \(Sigmoid.*\) integer-only/,
  );
  const uncalibrated = QuantizedLinear.fromLinear(new Linear(12, 3));
  assert.throws(() => new IntegerOnlyModel(uncalibrated), /Cannot run layer 0 .* integer-only/);
  const { model } = quantizeModel(fp32(), x, { integerOnly: true });
  assert.throws(() => model.forward(rand([2, 5])), /last dimension 12|\[2,5\]/);
});

Deno.test("quantization: requantize checks its accumulators, multipliers and range", () => {
  // deno-lint-ignore no-explicit-any
  assert.throws(() => requantize([1, 2] as any, { multiplier: 1, zeroPoint: 0 }), TypeError);
  assert.throws(
    () => requantize(Int32Array.of(1, 2, 3), { multiplier: Float32Array.of(1, 2), zeroPoint: 0 }),
    /3 accumulators with 2 multipliers/,
  );
  assert.throws(
    () => requantize(Int32Array.of(1), { multiplier: 0, zeroPoint: 0 }),
    /multiplier 0/,
  );
  assert.throws(
    () => requantize(Int32Array.of(1), { multiplier: 1, zeroPoint: 200 }),
    /\[-128, 127\] with zero point 200/,
  );
  // Ties to even after the float32 product: 3 · 0.5 = 1.5 → 2, 5 · 0.5 = 2.5 → 2, -5 · 0.5 → -2.
  assert.deepEqual(
    [...requantize(Int32Array.of(3, 5, -5, 2 ** 30), { multiplier: 0.5, zeroPoint: 0 })],
    [2, 2, -2, 127],
  );
});
