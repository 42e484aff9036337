import assert from "node:assert/strict";
import { rowSums } from "./row_sums.ts";
import { randomInt8 } from "./_test_util.ts";

Deno.test("quantization kernels: rowSums() sums each output row", () => {
  const sums = rowSums(Int8Array.of(1, 2, 3, -4, 5, -6, -128, -128, -128), [3, 3]);
  assert.ok(sums instanceof Int32Array);
  assert.deepEqual([...sums], [6, -5, -384]);
});

Deno.test("quantization kernels: rowSums() matches a plain reduction on random weights", () => {
  const [n, k] = [10, 784];
  const w = randomInt8(n * k, 7);
  const want = Array.from(
    { length: n },
    (_, j) => w.slice(j * k, (j + 1) * k).reduce((a, b) => a + b, 0),
  );
  assert.deepEqual([...rowSums(w, [n, k])], want);
});
