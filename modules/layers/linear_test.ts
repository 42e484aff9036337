import assert from "node:assert/strict";
import { ones, Rng, tensor } from "@tinytorch/tensor";
import { Linear, linear } from "./linear.ts";

Deno.test("layers: Linear has PyTorch's layout and parameters", () => {
  const layer = new Linear(784, 128, { seed: 0 });
  assert.equal(layer.inFeatures, 784);
  assert.equal(layer.outFeatures, 128);
  assert.deepEqual(layer.weight.shape, [128, 784]);
  assert.deepEqual(layer.bias?.shape, [128]);
  assert.equal(layer.weight.dtype, "float32");
  const params = layer.parameters();
  assert.equal(params.length, 2);
  assert.equal(params[0], layer.weight);
  assert.equal(params[1], layer.bias);
  assert.equal(params.reduce((n, p) => n + p.size, 0), 100480);
  assert.equal(params.reduce((n, p) => n + p.nbytes, 0), 401920);
  const noBias = new Linear(3, 2, { bias: false, seed: 0 });
  assert.equal(noBias.bias, null);
  assert.deepEqual(noBias.parameters(), [noBias.weight]);
  assert.equal(noBias.toString(), "Linear(3, 2, bias=false)");
  assert.equal(layer.toString(), "Linear(784, 128)");
});

Deno.test("layers: Linear initialises weight and bias from U(-1/√in, 1/√in)", () => {
  const layer = new Linear(400, 300, { seed: 42 });
  const bound = Math.fround(1 / Math.sqrt(400)); // 0.05
  for (const p of layer.parameters()) {
    const values = Array.from(p.data);
    assert.ok(values.every((v) => Math.abs(v) <= bound), "inside the bound");
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    const sd = Math.sqrt(bound ** 2 / 3 / values.length);
    assert.ok(Math.abs(mean) < 5 * sd + 1e-9, `mean ${mean} near 0`);
    if (values.length > 1000) {
      assert.ok(Math.abs(variance / (bound ** 2 / 3) - 1) < 0.02, `variance ${variance}`);
    }
  }
  const max = Math.max(...Array.from(layer.weight.data).map(Math.abs));
  assert.ok(max > 0.99 * bound, "the whole interval is used");
});

Deno.test("layers: Linear initialisation is reproducible from seed or rng", () => {
  const a = new Linear(5, 4, { seed: 7 });
  const b = new Linear(5, 4, { seed: 7 });
  assert.deepEqual(a.weight.data, b.weight.data);
  assert.deepEqual(a.bias?.data, b.bias?.data);
  assert.notDeepEqual(new Linear(5, 4, { seed: 8 }).weight.data, a.weight.data);
  const rng = new Rng(7);
  const c = new Linear(5, 4, { rng });
  assert.deepEqual(c.weight.data, a.weight.data, "rng(7) draws like seed 7");
  const d = new Linear(5, 4, { rng });
  assert.notDeepEqual(d.weight.data, c.weight.data, "a shared rng moves on");
});

Deno.test("layers: Linear.outputShape() and flops() follow the documented convention", () => {
  const layer = new Linear(784, 128, { seed: 0 });
  assert.deepEqual(layer.outputShape([784]), [128]);
  assert.deepEqual(layer.outputShape([32, 784]), [32, 128]);
  assert.deepEqual(layer.outputShape([2, 3, 784]), [2, 3, 128]);
  assert.equal(layer.flops([784]), 2 * 784 * 128 + 128);
  assert.equal(layer.flops([32, 784]), 32 * (2 * 784 * 128 + 128));
  assert.equal(layer.flops([2, 3, 784]), 6 * (2 * 784 * 128 + 128));
  assert.equal(new Linear(10, 5, { bias: false }).flops([4, 10]), 2 * 4 * 10 * 5);
});

Deno.test("layers: Linear rejects inputs that do not fit, naming both shapes", () => {
  const layer = new Linear(784, 128, { seed: 0 });
  const message =
    "Cannot apply Linear(784, 128) to a tensor of shape [2,10]: expected last dimension 784";
  assert.throws(() => layer.outputShape([2, 10]), { name: "RangeError", message });
  assert.throws(() => layer.flops([2, 10]), { name: "RangeError", message });
  assert.throws(() => layer.forward(ones([2, 10])), { name: "RangeError", message });
  assert.throws(() => layer.outputShape([]), /shape \[\]: expected last dimension 784/);
  assert.throws(() => layer.forward([1, 2] as never), TypeError);
});

Deno.test("layers: Linear constructor checks its sizes", () => {
  assert.throws(() => new Linear(0, 3), {
    name: "RangeError",
    message: "Cannot create Linear with inFeatures 0: expected a positive integer",
  });
  assert.throws(() => new Linear(3, 2.5), RangeError);
  assert.throws(() => new Linear("3" as unknown as number, 2), TypeError);
});

Deno.test("layers: linear() names the shapes it cannot combine", () => {
  const w = tensor([[1, 2, 3]]);
  assert.throws(() => linear(tensor([[1, 2]]), w), {
    name: "RangeError",
    message:
      "Cannot apply linear() to x of shape [1,2] and weight of shape [1,3]: expected last dimension 3",
  });
  assert.throws(() => linear(tensor([1, 2, 3]), tensor([1, 2, 3])), /weight must be \[out, in\]/);
  assert.throws(
    () => linear(tensor([1, 2, 3]), w, tensor([1, 2])),
    /a bias of shape \[2\]: expected \[1\]/,
  );
});

Deno.test("layers: linear() accepts integer inputs and returns float32", () => {
  const x = tensor([[1, 2]], { dtype: "int32" });
  const y = linear(x, tensor([[1, 1], [2, -1]]), tensor([0.5, 0]));
  assert.equal(y.dtype, "float32");
  assert.deepEqual(y.toArray(), [[3.5, 0]]);
});
