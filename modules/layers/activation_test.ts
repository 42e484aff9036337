import assert from "node:assert/strict";
import { tensor } from "@tinytorch/tensor";
import { GELU } from "./gelu.ts";
import { ReLU } from "./relu.ts";
import { Sigmoid } from "./sigmoid.ts";
import { Softmax } from "./softmax.ts";
import { Tanh } from "./tanh.ts";

const all = () => [new ReLU(), new Sigmoid(), new Tanh(), new GELU(), new Softmax()];

Deno.test("layers: activations have no parameters, keep the shape and cost 1 FLOP per element", () => {
  for (const layer of all()) {
    assert.deepEqual(layer.parameters(), [], String(layer));
    assert.deepEqual(layer.outputShape([32, 10]), [32, 10], String(layer));
    assert.equal(layer.flops([32, 10]), 320, String(layer));
    assert.equal(layer.eval().training, false);
  }
});

Deno.test("layers: activations print like PyTorch's", () => {
  assert.deepEqual(all().map(String), [
    "ReLU()",
    "Sigmoid()",
    "Tanh()",
    "GELU()",
    "Softmax(axis=-1)",
  ]);
  assert.equal(String(new GELU({ approximate: "tanh" })), 'GELU(approximate="tanh")');
  assert.equal(String(new Softmax({ axis: 0 })), "Softmax(axis=0)");
});

Deno.test("layers: activation layers reject non-tensors", () => {
  for (const layer of all()) {
    assert.throws(() => layer.forward({} as never), TypeError, String(layer));
  }
});

Deno.test("layers: Softmax checks its axis against the input", () => {
  const layer = new Softmax({ axis: 2 });
  const message =
    "Cannot apply Softmax(axis=2) to a tensor of shape [4,3]: axis 2 is out of range [-2, 1]";
  assert.throws(() => layer.outputShape([4, 3]), { name: "RangeError", message });
  assert.throws(() => layer.forward(tensor([[1, 2, 3]])), RangeError);
  assert.deepEqual(layer.outputShape([1, 2, 3]), [1, 2, 3]);
  assert.throws(() => new Softmax().outputShape([]), /axis -1 is out of range for a 0-d tensor/);
  assert.throws(() => new Softmax({ axis: 0.5 }), TypeError);
  assert.deepEqual(new Softmax({ axis: -2 }).outputShape([2, 2]), [2, 2]);
});

Deno.test("layers: GELU only knows the exact and tanh formulas", () => {
  assert.equal(new GELU().approximate, "none");
  assert.equal(new GELU({ approximate: "tanh" }).approximate, "tanh");
  assert.throws(() => new GELU({ approximate: "sigmoid" as never }), {
    name: "RangeError",
    message: 'Cannot create GELU with approximate "sigmoid": expected "none" or "tanh"',
  });
});
