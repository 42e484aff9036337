import assert from "node:assert/strict";
import { Tensor, zeros } from "@tinytorch/tensor";
import { Dropout } from "./dropout.ts";
import { Flatten } from "./flatten.ts";
import type { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";
import { ReLU } from "./relu.ts";
import { Sequential } from "./sequential.ts";
import { Softmax } from "./softmax.ts";

function mlp(): Sequential {
  return new Sequential(
    new Linear(784, 128, { seed: 1 }),
    new ReLU(),
    new Linear(128, 64, { seed: 2 }),
    new ReLU(),
    new Linear(64, 10, { seed: 3 }),
  );
}

Deno.test("layers: the 784→128→64→10 MLP has 109,386 parameters", () => {
  const params = mlp().parameters();
  assert.deepEqual(params.map((p) => p.size), [100352, 128, 8192, 64, 640, 10]);
  assert.ok(params.every((p) => p instanceof Tensor), "a float model's parameters are tensors");
  assert.equal(params.reduce((n, p) => n + p.size, 0), 109386);
  assert.equal(params.reduce((n, p) => n + p.nbytes, 0), 437544);
});

Deno.test("layers: Sequential composes outputShape and flops", () => {
  const model = mlp();
  assert.deepEqual(model.outputShape([32, 784]), [32, 10]);
  const perRow = 2 * (784 * 128 + 128 * 64 + 64 * 10) + (128 + 64 + 10) + (128 + 64);
  assert.equal(model.flops([1, 784]), perRow);
  assert.equal(model.flops([32, 784]), 32 * perRow);
  assert.equal(new Sequential().flops([3, 4]), 0);
  assert.deepEqual(new Sequential().outputShape([3, 4]), [3, 4]);
  assert.throws(
    () => model.outputShape([32, 100]),
    /Cannot apply Linear\(784, 128\) to a tensor of shape \[32,100\]/,
  );
  const withFlatten = new Sequential(new Flatten(), mlp(), new Softmax());
  assert.deepEqual(withFlatten.outputShape([5, 28, 28]), [5, 10]);
  assert.equal(withFlatten.flops([5, 28, 28]), 5 * (perRow + 10));
});

Deno.test("layers: Sequential.train() and eval() reach nested layers", () => {
  const drop = new Dropout(0.5);
  const model = new Sequential(new Sequential(drop), new ReLU());
  assert.equal(model.eval(), model);
  assert.equal(drop.training, false);
  model.train();
  assert.equal(drop.training, true);
  assert.deepEqual(model.children().length, 2);
});

Deno.test("layers: Sequential prints one numbered layer per line", () => {
  const model = new Sequential(new Flatten(), new Sequential(new Linear(4, 2, { seed: 0 })));
  assert.equal(
    String(model),
    "Sequential(\n  (0): Flatten()\n  (1): Sequential(\n    (0): Linear(4, 2)\n  )\n)",
  );
  assert.equal(String(new Sequential()), "Sequential()");
});

Deno.test("layers: Sequential only takes layers", () => {
  assert.throws(() => new Sequential(new ReLU(), {} as Layer), {
    name: "TypeError",
    message: "Cannot build Sequential: argument 1 ([object Object]) is not a Layer",
  });
});

Deno.test("layers: Flatten keeps the batch axis; 0 FLOPs", () => {
  const flatten = new Flatten();
  assert.deepEqual(flatten.outputShape([32, 1, 28, 28]), [32, 784]);
  assert.deepEqual(flatten.outputShape([0, 3]), [0, 3]);
  assert.equal(flatten.flops([32, 28, 28]), 0);
  assert.throws(() => flatten.outputShape([784]), {
    name: "RangeError",
    message:
      "Cannot apply Flatten() to a tensor of shape [784]: expected a batch axis and at least one more",
  });
  assert.deepEqual(flatten.forward(zeros([2, 3, 4])).shape, [2, 12]);
});
