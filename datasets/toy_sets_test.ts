import assert from "node:assert/strict";
import { Rng } from "@tinytorch/tensor";
import { xor } from "./xor.ts";
import { blobs } from "./blobs.ts";
import { linearlySeparable } from "./linearly_separable.ts";

Deno.test("datasets: toy sets have the documented shapes and dtypes", () => {
  const sets = [
    [xor({ n: 10 }), 2],
    [blobs({ n: 12, dims: 5 }), 5],
    [linearlySeparable({ n: 14 }), 2],
  ] as const;
  for (const [{ x, y }, dims] of sets) {
    assert.deepEqual([x.dtype, x.shape, y.dtype, y.shape], ["float32", [y.size, dims], "int32", [
      y.size,
    ]]);
  }
  assert.deepEqual([xor().y.size, blobs().y.size, linearlySeparable().y.size], [200, 300, 100]);
});

Deno.test("datasets: toy sets are reproducible from a seed or an Rng", () => {
  for (const make of [xor, blobs, linearlySeparable]) {
    assert.deepEqual(make({ seed: 3 }).x.data, make({ seed: 3 }).x.data);
    assert.deepEqual(make().x.data, make({ seed: 0 }).x.data);
    assert.deepEqual(make({ rng: new Rng(3) }).x.data, make({ seed: 3 }).x.data);
    assert.notDeepEqual(make({ seed: 3 }).x.data, make({ seed: 4 }).x.data);
  }
});

Deno.test("datasets: xor() is balanced and labelled by the sign of x0 * x1", () => {
  const { x, y } = xor({ n: 400, seed: 7 });
  let ones = 0;
  for (let i = 0; i < 400; i++) {
    assert.equal(y.data[i], x.data[2 * i] * x.data[2 * i + 1] < 0 ? 1 : 0);
    ones += y.data[i];
  }
  assert.equal(ones, 200);
  assert.deepEqual([...xor({ n: 4, noise: 0 }).x.data], [-1, -1, 1, -1, -1, 1, 1, 1]);
  assert.deepEqual([...xor({ n: 4, noise: 0 }).y.data], [0, 1, 1, 0]);
});

Deno.test("datasets: blobs() are separable by nearest centre", () => {
  const { x, y, centers } = blobs({ n: 600, centers: 5, dims: 3, seed: 2 });
  const [k, dims] = centers.shape;
  const dist = (i: number, c: number) => {
    let sq = 0;
    for (let d = 0; d < dims; d++) sq += (x.data[i * dims + d] - centers.data[c * dims + d]) ** 2;
    return sq;
  };
  for (let i = 0; i < 600; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (dist(i, c) < dist(i, best)) best = c;
    assert.equal(best, y.data[i], `point ${i}`);
  }
});

Deno.test("datasets: linearlySeparable() keeps the margin and a perceptron converges", () => {
  const margin = 0.15;
  const { x, y, boundary } = linearlySeparable({ n: 200, margin, seed: 5 });
  const [nx, ny] = boundary.normal;
  assert.ok(Math.abs(Math.hypot(nx, ny) - 1) < 1e-12);
  for (let i = 0; i < 200; i++) {
    const s = nx * x.data[2 * i] + ny * x.data[2 * i + 1] + boundary.offset;
    assert.ok(y.data[i] === 1 ? s >= margin : s <= -margin, `point ${i} at ${s}`);
  }
  // Perceptron with a bias input: (R / margin)^2 bounds the number of mistakes.
  const w = [0, 0, 0];
  let mistakes = 0;
  for (let epoch = 0, clean = false; !clean; epoch++) {
    assert.ok(epoch < 1000, "perceptron did not converge");
    clean = true;
    for (let i = 0; i < 200; i++) {
      const target = y.data[i] === 1 ? 1 : -1;
      const input = [x.data[2 * i], x.data[2 * i + 1], 1];
      if (target * (w[0] * input[0] + w[1] * input[1] + w[2] * input[2]) <= 0) {
        for (let j = 0; j < 3; j++) w[j] += target * input[j];
        clean = false;
        mistakes++;
      }
    }
  }
  assert.ok(mistakes <= 3 / margin ** 2, `${mistakes} mistakes`);
});

Deno.test("datasets: toy sets reject bad options", () => {
  assert.throws(() => xor({ n: 0 }), RangeError);
  assert.throws(() => xor({ noise: -1 }), RangeError);
  assert.throws(() => blobs({ centers: 0 }), RangeError);
  assert.throws(() => blobs({ dims: 1.5 }), RangeError);
  assert.throws(() => blobs({ spread: NaN }), RangeError);
  assert.throws(() => linearlySeparable({ margin: 0 }), RangeError);
  assert.throws(() => linearlySeparable({ margin: 0.6 }), RangeError);
  assert.throws(() => xor({ seed: 1.5 }), TypeError);
  assert.throws(() => xor({ n: "3" as unknown as number }), TypeError);
});
