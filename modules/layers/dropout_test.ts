import assert from "node:assert/strict";
import { ones, Rng } from "@tinytorch/tensor";
import { Dropout } from "./dropout.ts";

Deno.test("layers: Dropout checks p", () => {
  for (const p of [-0.1, 1.5, NaN, Infinity]) {
    assert.throws(() => new Dropout(p), {
      name: "RangeError",
      message: `Cannot create Dropout with p = ${p}: p must be in [0, 1]`,
    });
  }
  assert.throws(() => new Dropout("0.5" as unknown as number), TypeError);
  assert.throws(() => new Dropout(0.5, { rng: {} as Rng }), TypeError);
  for (const p of [0, 0.25, 1]) assert.equal(new Dropout(p).p, p);
  assert.equal(new Dropout().p, 0.5);
});

Deno.test("layers: Dropout has no parameters, keeps the shape, counts 0 FLOPs and prints p", () => {
  const layer = new Dropout(0.2);
  assert.deepEqual(layer.parameters(), []);
  assert.deepEqual(layer.outputShape([8, 3]), [8, 3]);
  assert.equal(layer.flops([8, 3]), 0);
  assert.equal(String(layer), "Dropout(p=0.2)");
  assert.equal(layer.training, true);
  assert.equal(layer.eval().training, false);
});

Deno.test("layers: Dropout draws from the rng it is given", () => {
  const rng = new Rng(3);
  assert.equal(new Dropout(0.5, { rng }).rng, rng);
  assert.deepEqual(new Dropout(0.5, { seed: 3 }).rng.next(), new Rng(3).next());
  const a = new Dropout(0.5, { seed: 9 }).forward(ones([32]));
  const b = new Dropout(0.5, { rng: new Rng(9) }).forward(ones([32]));
  assert.deepEqual(a.data, b.data);
});
