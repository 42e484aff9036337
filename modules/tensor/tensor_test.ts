import assert from "node:assert/strict";
import { Tensor } from "./tensor.ts";
import { tensor } from "./creation.ts";

Deno.test("tensor: the constructor wraps data and derives dtype, size, ndim, nbytes", () => {
  const data = new Int8Array([1, 2, 3, 4, 5, 6]);
  const t = new Tensor(data, [2, 3]);
  assert.equal(t.data, data);
  assert.equal(t.dtype, "int8");
  assert.deepEqual(t.shape, [2, 3]);
  assert.equal(t.size, 6);
  assert.equal(t.ndim, 2);
  assert.equal(t.nbytes, 6);
  assert.deepEqual(t.strides, [3, 1]);
  assert.ok(Object.isFrozen(t.shape));
  assert.deepEqual(new Tensor(new Float32Array(3)).shape, [3]);
  assert.equal(new Tensor(new Float32Array(3)).nbytes, 12);
  assert.equal(new Tensor(new Int32Array(1), []).ndim, 0);
});

Deno.test("tensor: the constructor rejects bad data and shapes", () => {
  assert.throws(() => new Tensor(new Float64Array(2) as never, [2]), TypeError);
  assert.throws(() => new Tensor([1, 2] as never, [2]), TypeError);
  assert.throws(() => new Tensor(new Float32Array(6), [4, 2]), {
    name: "RangeError",
    message: "Cannot create a tensor of shape [4,2] (size 8) from 6 values",
  });
  assert.throws(() => new Tensor(new Float32Array(2), [-1, -2]), RangeError);
  assert.throws(() => new Tensor(new Float32Array(2), "2" as never), TypeError);
});

Deno.test("tensor: get() reads one element, negative indices count from the end", () => {
  const t = tensor([[1, 2, 3], [4, 5, 6]]);
  assert.equal(t.get(0, 0), 1);
  assert.equal(t.get(1, 2), 6);
  assert.equal(t.get(-1, -3), 4);
  assert.equal(tensor(7).get(), 7);
  assert.throws(() => t.get(2, 0), { name: "RangeError", message: /axis 0 with 2/ });
  assert.throws(() => t.get(0), RangeError);
  assert.throws(() => t.get(0, 1.5), RangeError);
  assert.throws(() => t.get(0, "1" as never), TypeError);
});

Deno.test("tensor: slice() takes rows of the first axis as a view, with Python's clamping", () => {
  const t = tensor([[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(t.slice(1).toArray(), [[3, 4], [5, 6]]);
  assert.deepEqual(t.slice(0, 2).shape, [2, 2]);
  assert.deepEqual(t.slice(-1).toArray(), [[5, 6]]);
  assert.deepEqual(t.slice(2, 99).toArray(), [[5, 6]]);
  assert.deepEqual(t.slice(2, 1).shape, [0, 2]);
  const view = t.slice(1, 2);
  view.data[0] = 30;
  assert.equal(t.get(1, 0), 30);
  assert.throws(() => tensor(1).slice(0), RangeError);
  assert.throws(() => t.slice(0.5), TypeError);
});

Deno.test("tensor: toArray() nests by shape and gives a number for 0-d", () => {
  assert.equal(tensor(2.5).toArray(), 2.5);
  assert.deepEqual(tensor([1, 2]).toArray(), [1, 2]);
  assert.deepEqual(tensor([1, 2, 3, 4, 5, 6, 7, 8], { shape: [2, 2, 2] }).toArray(), [
    [[1, 2], [3, 4]],
    [[5, 6], [7, 8]],
  ]);
  assert.deepEqual(new Tensor(new Float32Array(0), [2, 0]).toArray(), [[], []]);
});

Deno.test("tensor: toString() prints values and dtype, and summarizes big tensors", () => {
  assert.equal(String(tensor([[1, 2.5]])), "tensor([[1., 2.5]], dtype=float32)");
  assert.equal(String(tensor([1, -2], { dtype: "int8" })), "tensor([1, -2], dtype=int8)");
  assert.equal(String(tensor(3, { dtype: "int32" })), "tensor(3, dtype=int32)");
  const big = new Tensor(new Int32Array(2000), [2, 1000]);
  assert.equal(String(big), "tensor([0, 0, 0, ..., 0, 0, 0], shape=[2,1000], dtype=int32)");
  assert.equal(Deno.inspect(tensor([1])), "tensor([1.], dtype=float32)");
});

Deno.test("tensor: clone() copies the data", () => {
  const t = tensor([1, 2]);
  const c = t.clone();
  c.data[0] = 9;
  assert.equal(t.get(0), 1);
  assert.deepEqual(c.shape, [2]);
});
