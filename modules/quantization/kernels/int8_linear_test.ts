import assert from "node:assert/strict";
import {
  availableKernels,
  kernelModule,
  type KernelName,
  relaxedForm,
  relaxedKernelForm,
} from "./available_kernels.ts";
import { createInt8Linear } from "./int8_linear.ts";
import { naiveLinear, randomInt8 } from "./_test_util.ts";
import { WasmInt8Linear } from "./_wasm_int8_linear.ts";

const KERNELS = availableKernels();
/** relaxed needs 7-bit inputs; the others take any int8. */
const inputRange = (kernel: KernelName): [number, number] =>
  kernel === "relaxed" ? [0, 127] : [-128, 127];

const SHAPES: [m: number, n: number, k: number][] = [
  [1, 1, 1],
  [1, 1, 16],
  [1, 3, 17],
  [2, 4, 16],
  [3, 5, 33],
  [17, 4, 1],
  [7, 9, 15],
  [1, 13, 40],
  [3, 13, 40],
  [1, 128, 784],
  [5, 1, 784],
  [32, 128, 784],
  [64, 10, 128],
  [130, 6, 31],
  [257, 13, 100],
  // Blocking edges: 2x4 blocks with 1x4 / 1x1 tails, 1x8 blocks for one row with 1x4 / 1x1 tails.
  [1, 8, 16],
  [1, 9, 16],
  [1, 12, 31],
  [1, 15, 48],
  [2, 1, 16],
  [2, 3, 17],
  [4, 8, 16],
  [4, 12, 784],
  [5, 7, 33],
  [8, 128, 784],
  [9, 13, 33],
  [256, 128, 784],
];

Deno.test("quantization kernels: every kernel is available on this engine", () => {
  assert.deepEqual(KERNELS, ["relaxed", "dot16", "scalar"]);
});

for (const kernel of KERNELS) {
  Deno.test(`quantization kernels: ${kernel} matches the oracle on random shapes`, () => {
    const [lo, hi] = inputRange(kernel);
    for (const [m, n, k] of SHAPES) {
      const x = randomInt8(m * k, 11 * m + k, lo, hi);
      const w = randomInt8(n * k, 13 * n + k);
      const layer = createInt8Linear(w, [n, k], { kernel });
      const got = layer.run(x, m);
      assert.ok(got instanceof Int32Array);
      assert.deepEqual([...got], naiveLinear(x, w, m, n, k), `shape m=${m} n=${n} k=${k}`);
    }
  });

  Deno.test(`quantization kernels: ${kernel} is exact on extreme values`, () => {
    const inputs = kernel === "relaxed" ? [0, 1, 127] : [-128, -127, 0, 1, 127];
    const weights = [-128, -127, -1, 0, 127];
    for (const k of [1, 16, 31, 784]) {
      const m = inputs.length, n = weights.length;
      const x = new Int8Array(m * k);
      inputs.forEach((v, i) => x.fill(v, i * k, (i + 1) * k));
      const w = new Int8Array(n * k);
      weights.forEach((v, j) => w.fill(v, j * k, (j + 1) * k));
      const got = createInt8Linear(w, [n, k], { kernel }).run(x, m);
      assert.deepEqual([...got], naiveLinear(x, w, m, n, k), `k=${k}`);
    }
  });

  Deno.test(`quantization kernels: ${kernel} mixes signs within one vector exactly`, () => {
    const [lo, hi] = inputRange(kernel);
    const k = 48, n = 6, m = 4;
    const x = Int8Array.from(
      { length: m * k },
      (_, i) => (i % 3 === 0 ? hi : i % 3 === 1 ? lo : 1),
    );
    const w = Int8Array.from({ length: n * k }, (_, i) => (i % 2 === 0 ? -128 : 127));
    const got = createInt8Linear(w, [n, k], { kernel }).run(x, m);
    assert.deepEqual([...got], naiveLinear(x, w, m, n, k));
  });

  Deno.test(`quantization kernels: ${kernel} reuses one object for many batch sizes`, () => {
    const [lo, hi] = inputRange(kernel);
    const [n, k] = [11, 50];
    const w = randomInt8(n * k, 99);
    const layer = createInt8Linear(w, [n, k], { kernel, maxBatch: 8 });
    const results: [Int32Array, number[]][] = [];
    for (const [call, m] of [8, 1, 3, 8, 2, 5, 0, 7, 1, 20].entries()) {
      const x = randomInt8(m * k, 1000 + call, lo, hi);
      const got = layer.run(x, m);
      assert.equal(got.length, m * n);
      results.push([got, naiveLinear(x, w, m, n, k)]);
    }
    // Each result is a copy: later calls did not overwrite earlier ones.
    for (const [got, want] of results) assert.deepEqual([...got], want);
  });

  Deno.test(`quantization kernels: ${kernel} chunks batches larger than maxBatch`, () => {
    const [lo, hi] = inputRange(kernel);
    const [m, n, k] = [10, 5, 20];
    const x = randomInt8(m * k, 5, lo, hi);
    const w = randomInt8(n * k, 6);
    const got = createInt8Linear(w, [n, k], { kernel, maxBatch: 3 }).run(x, m);
    assert.deepEqual([...got], naiveLinear(x, w, m, n, k));
  });

  Deno.test(`quantization kernels: ${kernel} reads a Uint8Array and subarrays as int8 bytes`, () => {
    const [m, n, k] = [3, 4, 19];
    const x = randomInt8(m * k + 5, 8, 0, 127);
    const w = randomInt8(n * k, 9);
    const want = naiveLinear(x.subarray(5), w, m, n, k);
    const layer = createInt8Linear(w, [n, k], { kernel });
    assert.deepEqual([...layer.run(x.subarray(5), m)], want);
    const bytes = new Uint8Array(x.buffer, 5, m * k);
    assert.deepEqual([...layer.run(bytes, m)], want);
  });

  Deno.test(`quantization kernels: ${kernel} keeps its own copy of the weights`, () => {
    const w = Int8Array.of(1, 2, 3, 4);
    const layer = createInt8Linear(w, [2, 2], { kernel });
    w.fill(0);
    assert.deepEqual([...layer.run(Int8Array.of(1, 1), 1)], [3, 7]);
  });

  Deno.test(`quantization kernels: ${kernel} gives zeros when K is 0`, () => {
    const layer = createInt8Linear(new Int8Array(0), [3, 0], { kernel });
    assert.deepEqual([...layer.run(new Int8Array(0), 2)], [0, 0, 0, 0, 0, 0]);
  });
}

Deno.test("quantization kernels: both builds of the relaxed kernel match the oracle", () => {
  for (const form of ["fused", "split"] as const) {
    for (const [m, n, k] of SHAPES.filter(([m]) => m < 100)) {
      const x = randomInt8(m * k, 17 * m + k, 0, 127);
      const w = randomInt8(n * k, 19 * n + k);
      const layer = new WasmInt8Linear("relaxed", w, [n, k], 8, form);
      assert.deepEqual(
        [...layer.run(x, m)],
        naiveLinear(x, w, m, n, k),
        `${form} m=${m} n=${n} k=${k}`,
      );
    }
    // Extremes: every product and every pair sum at its largest magnitude.
    const inputs = [0, 1, 127], weights = [-128, -127, -1, 0, 127, -128, 127, -128, 5];
    const [m, n, k] = [inputs.length, weights.length, 784];
    const x = new Int8Array(m * k);
    inputs.forEach((v, i) => x.fill(v, i * k, (i + 1) * k));
    const w = new Int8Array(n * k);
    weights.forEach((v, j) => w.fill(v, j * k, (j + 1) * k));
    const layer = new WasmInt8Linear("relaxed", w, [n, k], 4, form);
    assert.deepEqual([...layer.run(x, m)], naiveLinear(x, w, m, n, k), `${form} extremes`);
  }
});

Deno.test("quantization kernels: the relaxed probe names a known lowering and picks the build", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const { probe } = new WebAssembly.Instance(kernelModule("relaxed")!, { env: { memory } }).exports;
  const lane = (probe as (a: number, b: number) => number)(127, 255);
  // 2 · sat16(2 · 255 · 127) (pmaddubsw), 4 · 255 · 127 (vpdpbusd), 4 · 127 · −1 (signed dots)
  assert.ok([65534, 129540, -508].includes(lane), `probe gave ${lane}`);
  assert.equal(relaxedForm(kernelModule("relaxed")!), lane === 65534 ? "split" : "fused");
  assert.equal(relaxedKernelForm(), relaxedForm(kernelModule("relaxed")!));
});

Deno.test("quantization kernels: weights is an unpadded view of the resident weights when the layout allows", () => {
  const w = randomInt8(3 * 32, 5);
  for (const kernel of ["relaxed", "scalar"] as const) {
    const layer = createInt8Linear(w, [3, 32], { kernel });
    assert.deepEqual([...layer.weights!], [...w], kernel);
    assert.notEqual(layer.weights!.buffer, w.buffer, "a copy, not the caller's array");
  }
  const odd = createInt8Linear(randomInt8(3 * 17, 6), [3, 17], { kernel: "relaxed" });
  assert.equal(odd.weights, null, "rows padded to 16 bytes");
  const wide = createInt8Linear(w, [3, 32], { kernel: "dot16" });
  assert.equal(wide.weights, null, "dot16 stores int16 weights");
});
