import assert from "node:assert/strict";
import { randomValues } from "@tinytorch/course";
import { availableFloat32Kernels } from "./available_kernels.ts";
import { createFloat32Linear } from "./float32_linear.ts";

/** The float64 oracle `y = x · wᵀ + b`, separate from the kernel. */
function naive(
  x: Float32Array,
  w: Float32Array,
  b: Float32Array | null,
  m: number,
  n: number,
  k: number,
) {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = b ? b[j] : 0;
      for (let p = 0; p < k; p++) sum += x[i * k + p] * w[j * k + p];
      out.push(sum);
    }
  }
  return out;
}

/** Every |got − want| within float32 rounding of a k-term sum: k · 2⁻²³ · Σ|x·w| (+ a tiny floor). */
function assertClose(
  got: Float32Array,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array | null,
  [m, n, k]: [number, number, number],
  what: string,
) {
  const want = naive(x, w, b, m, n, k);
  const abs = naive(x.map(Math.abs), w.map(Math.abs), b?.map(Math.abs) ?? null, m, n, k);
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) {
    const tol = (k + 2) * 2 ** -23 * abs[i] + 1e-30;
    if (!(Math.abs(got[i] - want[i]) <= tol)) {
      assert.fail(`${what}: element ${i} is ${got[i]}, want ${want[i]} ± ${tol}`);
    }
  }
}

const floats = (count: number, seed: number) =>
  Float32Array.from(randomValues(count, { seed, min: -1, max: 1 }));

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 5],
  [2, 4, 4],
  [3, 5, 7],
  [1, 8, 16],
  [1, 9, 17],
  [1, 13, 784],
  [2, 1, 3],
  [4, 12, 784],
  [5, 7, 33],
  [9, 13, 33],
  [32, 128, 784],
  [70, 10, 64],
];

Deno.test("quantization kernels: both float32 kernels are available on this engine", () => {
  assert.deepEqual(availableFloat32Kernels(), ["relaxed", "simd"]);
});

for (const kernel of availableFloat32Kernels()) {
  Deno.test(`quantization kernels: float32 ${kernel} matches the float64 oracle, with and without bias`, () => {
    for (const [m, n, k] of SHAPES) {
      const x = floats(m * k, 3 * m + k), w = floats(n * k, 5 * n + k), b = floats(n, 7 * n);
      for (const bias of [null, b]) {
        const layer = createFloat32Linear(w, [n, k], { kernel, bias, maxBatch: 16 });
        const what = `${kernel} m=${m} n=${n} k=${k} bias=${bias !== null}`;
        assertClose(layer.run(x, m), x, w, bias, [m, n, k], what);
      }
    }
  });

  Deno.test(`quantization kernels: float32 ${kernel} reuses one object and keeps its own copies`, () => {
    const [n, k] = [6, 10];
    const w = floats(n * k, 1), b = floats(n, 2);
    const layer = createFloat32Linear(w, [n, k], { kernel, bias: b, maxBatch: 3 });
    const [w0, b0] = [w.slice(), b.slice()];
    w.fill(0);
    b.fill(0);
    const results = [5, 1, 0, 3, 7].map((m, i) => {
      const x = floats(m * k, 10 + i);
      return [layer.run(x, m), x, m] as const;
    });
    for (const [got, x, m] of results) assertClose(got, x, w0, b0, [m, n, k], `m=${m}`);
    assert.equal(layer.run(new Float32Array(0), 0).length, 0);
  });
}

Deno.test("quantization kernels: float32 kernel arguments are checked", () => {
  const w = new Float32Array(6);
  assert.throws(() => createFloat32Linear(w, [2, 2]), RangeError);
  assert.throws(() => createFloat32Linear(w, [2, 3], { bias: new Float32Array(3) }), RangeError);
  assert.throws(() => createFloat32Linear(w, [2, 3], { maxBatch: 0 }), RangeError);
  assert.throws(() => createFloat32Linear(Float64Array.of(1) as never, [1, 1]), TypeError);
  assert.throws(() => createFloat32Linear(w, [2, 3], { kernel: "fast" as never }), TypeError);
  const layer = createFloat32Linear(w, [2, 3]);
  assert.equal(layer.kernel, "relaxed");
  assert.throws(() => layer.run(new Float32Array(5), 2), /expected 2 rows of 3/);
  assert.throws(() => layer.run([1, 2, 3] as never, 1), TypeError);
  assert.deepEqual([
    ...createFloat32Linear(new Float32Array(0), [2, 0]).run(new Float32Array(0), 3),
  ], [
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
});
