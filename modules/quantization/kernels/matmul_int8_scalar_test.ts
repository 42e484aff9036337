import assert from "node:assert/strict";
import { matmulInt8Scalar } from "./matmul_int8_scalar.ts";
import { naiveLinear, randomInt8 } from "./test_util.ts";

Deno.test("quantization kernels: matmulInt8Scalar() multiplies by the transposed weights", () => {
  const x = Int8Array.of(1, 2, 3, -1, 0, 1);
  const w = Int8Array.of(1, 0, 0, 0, 1, 0, 1, 1, 1, -2, 5, 7);
  const acc = matmulInt8Scalar(x, w, { m: 2, n: 4, k: 3 });
  assert.ok(acc instanceof Int32Array);
  assert.deepEqual([...acc], [1, 2, 6, 29, -1, 0, 0, 9]);
});

Deno.test("quantization kernels: matmulInt8Scalar() matches the oracle on extremes", () => {
  const k = 784;
  const x = new Int8Array(k).fill(-128);
  const w = new Int8Array(2 * k).fill(-128).fill(127, k);
  assert.deepEqual([...matmulInt8Scalar(x, w, { m: 1, n: 2, k })], [128 * 128 * k, -128 * 127 * k]);
});

Deno.test("quantization kernels: matmulInt8Scalar() matches the oracle on random shapes", () => {
  for (const [m, n, k] of [[1, 1, 1], [3, 5, 17], [4, 10, 784]]) {
    const x = randomInt8(m * k, m + 1);
    const w = randomInt8(n * k, n + 2);
    assert.deepEqual([...matmulInt8Scalar(x, w, { m, n, k })], naiveLinear(x, w, m, n, k));
  }
});

Deno.test("quantization kernels: matmulInt8Scalar() handles empty shapes", () => {
  assert.deepEqual(
    [...matmulInt8Scalar(new Int8Array(0), new Int8Array(0), { m: 2, n: 3, k: 0 })],
    [
      0,
      0,
      0,
      0,
      0,
      0,
    ],
  );
  assert.equal(
    matmulInt8Scalar(new Int8Array(0), new Int8Array(6), { m: 0, n: 3, k: 2 }).length,
    0,
  );
});
