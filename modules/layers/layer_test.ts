import assert from "node:assert/strict";
import { type Tensor, tensor } from "@tinytorch/tensor";
import { Layer } from "./layer.ts";

class Double extends Layer {
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    return x.mul(2);
  }
}

class Pair extends Layer {
  constructor(readonly a: Layer, readonly b: Layer) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.b.forward(this.a.forward(x));
  }
  override children(): Layer[] {
    return [this.a, this.b];
  }
}

Deno.test("layers: Layer defaults: no parameters, training, same shape, 0 FLOPs", () => {
  const layer = new Double();
  assert.deepEqual(layer.parameters(), []);
  assert.deepEqual(layer.children(), []);
  assert.equal(layer.training, true);
  const shape = [2, 3];
  const out = layer.outputShape(shape);
  assert.deepEqual(out, [2, 3]);
  assert.notEqual(out, shape, "a fresh array");
  assert.equal(layer.flops([2, 3]), 0);
  assert.equal(layer.toString(), "Double()");
  assert.equal(String(layer), "Double()");
  assert.deepEqual(layer.forward(tensor([1, 2])).toArray(), [2, 4]);
});

Deno.test("layers: train() and eval() return the layer and reach its children", () => {
  const inner = new Double();
  const outer = new Pair(inner, new Double());
  assert.equal(outer.eval(), outer);
  assert.equal(outer.training, false);
  assert.equal(inner.training, false);
  assert.equal(outer.train(), outer);
  assert.equal(inner.training, true);
  assert.equal(outer.train(false).training, false);
  assert.equal(inner.training, false);
});

Deno.test("layers: Layer checks its input and shape arguments", () => {
  const layer = new Double();
  assert.throws(
    () => layer.forward([1, 2] as unknown as Tensor),
    { name: "TypeError", message: "Cannot apply Double() to 1,2: expected a Tensor" },
  );
  assert.throws(() => layer.outputShape([2, -1]), {
    name: "RangeError",
    message: "Cannot apply Double() to shape [2,-1]: dimensions must be non-negative integers",
  });
  assert.throws(() => layer.outputShape("2,3" as unknown as number[]), TypeError);
  assert.throws(() => layer.flops([1.5]), RangeError);
});
