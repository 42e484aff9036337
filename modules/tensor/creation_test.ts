import assert from "node:assert/strict";
import { arange, full, ones, rand, randn, tensor, zeros } from "./creation.ts";
import { Rng } from "./rng.ts";

Deno.test("tensor: tensor() reads numbers, nested arrays, typed arrays and tensors", () => {
  const a = tensor([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual([a.dtype, a.shape, [...a.data]], ["float32", [2, 3], [1, 2, 3, 4, 5, 6]]);
  assert.deepEqual(tensor(3).shape, []);
  assert.deepEqual(tensor([]).shape, [0]);
  const i8 = tensor(Int8Array.of(1, -2));
  assert.equal(i8.dtype, "int8");
  assert.equal(tensor(Float64Array.of(0.1)).dtype, "float32");
  assert.equal(tensor(Float64Array.of(0.1)).data[0], Math.fround(0.1));
  const src = Float32Array.of(1, 2);
  const copy = tensor(src);
  copy.data[0] = 5;
  assert.equal(src[0], 1);
  const again = tensor(a, { dtype: "int32" });
  assert.deepEqual([again.dtype, again.shape], ["int32", [2, 3]]);
  assert.deepEqual(tensor([1, 2, 3, 4], { shape: [2, 2] }).toArray(), [[1, 2], [3, 4]]);
});

Deno.test("tensor: tensor() rejects ragged arrays, non-numbers and unstorable values", () => {
  assert.throws(() => tensor([[1, 2], [3]]), { name: "RangeError", message: /ragged/ });
  assert.throws(() => tensor([[1, 2], 3] as never), RangeError);
  assert.throws(() => tensor([1, "2"] as never), TypeError);
  assert.throws(() => tensor("12" as never), TypeError);
  assert.throws(() => tensor([1, 2], { dtype: "float64" as never }), {
    name: "TypeError",
    message: 'Cannot create a tensor with dtype "float64": expected one of float32, int32, int8',
  });
  assert.throws(() => tensor([1, 200], { dtype: "int8" }), { name: "RangeError", message: /200/ });
  assert.throws(() => tensor([1.5], { dtype: "int32" }), RangeError);
  assert.throws(() => tensor(Int32Array.of(300), { dtype: "int8" }), RangeError);
  assert.throws(() => tensor([1, 2, 3], { shape: [2, 2] }), {
    name: "RangeError",
    message: "Cannot create a tensor of shape [2,2] (size 4) from 3 values",
  });
});

Deno.test("tensor: zeros(), ones(), full() fill with the dtype asked for", () => {
  assert.deepEqual(zeros([2, 2]).toArray(), [[0, 0], [0, 0]]);
  assert.equal(zeros(3, { dtype: "int8" }).nbytes, 3);
  assert.deepEqual(ones(2, { dtype: "int32" }).toArray(), [1, 1]);
  assert.equal(ones([]).toArray(), 1);
  assert.deepEqual(full([1, 2], -3, { dtype: "int8" }).toArray(), [[-3, -3]]);
  assert.throws(() => full(2, 128, { dtype: "int8" }), RangeError);
  assert.throws(() => full(2, "1" as never), TypeError);
  assert.throws(() => zeros([-1]), RangeError);
});

Deno.test("tensor: arange() follows NumPy's arange", () => {
  assert.deepEqual(arange(4).toArray(), [0, 1, 2, 3]);
  assert.deepEqual(arange(2, 8, 3).toArray(), [2, 5]);
  assert.deepEqual(arange(1, 0, -0.25).toArray(), [1, 0.75, 0.5, 0.25]);
  assert.deepEqual(arange(3, 1).toArray(), []);
  assert.equal(arange(3, { dtype: "int32" }).dtype, "int32");
  assert.equal(arange(0, 3, { dtype: "int8" }).dtype, "int8");
  assert.deepEqual(arange(1, 7, 2, { dtype: "int32" }).toArray(), [1, 3, 5]);
  assert.throws(() => arange(0, 1, 0), RangeError);
  assert.throws(() => arange(0, 1, 0.5, { dtype: "int32" }), RangeError);
});

Deno.test("tensor: rand() and randn() are reproducible from a seed or an Rng", () => {
  const a = rand([3, 4], { seed: 5 });
  assert.deepEqual([a.dtype, a.shape], ["float32", [3, 4]]);
  assert.deepEqual(a.data, rand([3, 4], { seed: 5 }).data);
  assert.notDeepEqual(a.data, rand([3, 4], { seed: 6 }).data);
  assert.ok(a.data.every((v) => v >= 0 && v < 1));
  const b = rand(1000, { rng: new Rng(1), low: -2, high: -1 });
  assert.ok(b.data.every((v) => v >= -2 && v <= -1));
  assert.deepEqual(randn(8, { rng: new Rng(3) }).data, randn(8, { seed: 3 }).data);
  const n = randn(20000, { seed: 1, mean: 2, std: 3 });
  const values = Array.from(n.data);
  const mean = values.reduce((s, v) => s + v, 0) / n.size;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n.size);
  assert.ok(Math.abs(mean - 2) < 0.1 && Math.abs(sd - 3) < 0.1, `mean ${mean}, std ${sd}`);
  assert.throws(() => rand(2, { rng: {} as never }), TypeError);
});
