import assert from "node:assert/strict";
import { randomValues } from "@tinytorch/course";
import { multiply, transpose } from "mathjs";
import { matmulTransposedF32 } from "./matmul_transposed.ts";

function rows(values: Float32Array, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from(values.subarray(i * c, (i + 1) * c)));
}

Deno.test("layers: matmulTransposedF32() matches mathjs a @ bᵀ for every tile remainder", () => {
  let seed = 1;
  for (const k of [1, 5, 16]) {
    for (let m = 1; m <= 9; m++) {
      for (const n of [1, 3, 4, 7, 8, 9]) {
        const a = Float32Array.from(randomValues(m * k, { seed: seed++ }));
        const b = Float32Array.from(randomValues(n * k, { seed: seed++ }));
        const got = matmulTransposedF32(a, b, m, k, n);
        const want = multiply(rows(a, m, k), transpose(rows(b, n, k))) as number[][];
        assert.equal(got.length, m * n);
        want.flat().forEach((w, i) => {
          assert.ok(
            Math.abs(got[i] - w) <= 1e-6 + 1e-6 * Math.abs(w),
            `m=${m} k=${k} n=${n} i=${i}`,
          );
        });
      }
    }
  }
});

Deno.test("layers: matmulTransposedF32() handles empty operands", () => {
  assert.deepEqual(
    matmulTransposedF32(new Float32Array(0), new Float32Array(6), 0, 2, 3),
    new Float32Array(0),
  );
  assert.deepEqual(
    matmulTransposedF32(new Float32Array(0), new Float32Array(0), 2, 0, 3),
    new Float32Array(6),
  );
});
