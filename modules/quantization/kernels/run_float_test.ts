import assert from "node:assert/strict";
import { availableKernels, type KernelName } from "./available_kernels.ts";
import { createInt8Linear } from "./int8_linear.ts";
import { type InputScheme, quantizeInputRef, randomFloatInputs, randomInt8 } from "./_test_util.ts";

const KERNELS = availableKernels();
const UNSIGNED: InputScheme[] = [
  { scale: 0.5, zeroPoint: 0, qmin: 0, qmax: 127 },
  { scale: 2 ** -7, zeroPoint: 0, qmin: 0, qmax: 127 },
  { scale: Math.fround(1 / 127), zeroPoint: 0, qmin: 0, qmax: 127 },
  // Exact float32 ties where x · (1 / scale) is not x / scale (312 of 600 ties for 49 / 1024).
  { scale: 49 / 1024, zeroPoint: 0, qmin: 0, qmax: 100 },
];
const SIGNED: InputScheme[] = [
  { scale: 0.5, zeroPoint: -10, qmin: -128, qmax: 127 },
  { scale: 0.25, zeroPoint: 0, qmin: -127, qmax: 127 },
  { scale: Math.fround(3.7 / 255), zeroPoint: 37, qmin: -128, qmax: 127 },
  { scale: 1, zeroPoint: -128, qmin: -128, qmax: 127 },
  { scale: 105 / 1024, zeroPoint: 5, qmin: -100, qmax: 120 },
];
/** Every scheme a kernel accepts: relaxed takes only unsigned (7-bit) inputs. */
const schemes = (kernel: KernelName) => kernel === "relaxed" ? UNSIGNED : [...UNSIGNED, ...SIGNED];

const SHAPES: [m: number, n: number, k: number][] = [
  [1, 1, 1],
  [1, 3, 17],
  [2, 4, 16],
  [3, 5, 33],
  [7, 9, 15],
  [1, 13, 47],
  [5, 1, 784],
  [32, 128, 784],
  [130, 6, 31],
];

/** The `[n, n]` identity as int8 weights: `acc[i, j]` is then `xq[i, j]`. */
const identity = (n: number) =>
  Int8Array.from({ length: n * n }, (_, i) => i % (n + 1) === 0 ? 1 : 0);

Deno.test("quantization kernels: quantizeInputRef() rounds ties to even, saturates, adds the zero point", () => {
  const x = [0.25, 0.75, -0.25, -0.75, 1.25, 1.75, -0, 63.75, 64.25, -64.25, 1e30, -1e30];
  const signed = { scale: 0.5, zeroPoint: -10, qmin: -128, qmax: 127 };
  assert.deepEqual([...quantizeInputRef(x, signed)], [
    -10,
    -8,
    -10,
    -12,
    -8,
    -6,
    -10,
    118,
    118,
    -128,
    127,
    -128,
  ]);
  const unsigned = { scale: 0.5, zeroPoint: 0, qmin: 0, qmax: 127 };
  assert.deepEqual([...quantizeInputRef(x, unsigned)], [0, 2, 0, 0, 2, 4, 0, 127, 127, 0, 127, 0]);
});

for (const kernel of KERNELS) {
  Deno.test(`quantization kernels: ${kernel} runFloat quantizes ties, zeros and huge values exactly`, () => {
    // The same twelve values in the SIMD part of a row (offsets 0, 18) and across its scalar tail
    // (offset 31: K = 45 has 32 SIMD lanes, then 13 one by one); identity weights expose xq.
    const values = [0.25, 0.75, -0.25, -0.75, 1.25, 1.75, -0, 63.75, 64.25, -64.25, 1e30, -1e30];
    const k = 45, offsets = [0, 18, 31];
    const x = new Float32Array(offsets.length * k);
    offsets.forEach((at, row) => x.set(values, row * k + at));
    const layer = createInt8Linear(identity(k), [k, k], { kernel });
    for (const input of schemes(kernel)) {
      const want = quantizeInputRef(x, input);
      assert.deepEqual([...layer.runFloat(x, offsets.length, input)], [...want], kernel);
    }
    const signed = { scale: 0.5, zeroPoint: -10, qmin: -128, qmax: 127 };
    if (kernel === "relaxed") return;
    const got = layer.runFloat(x, offsets.length, signed);
    assert.deepEqual(
      [...got.subarray(k + 18, k + 30)],
      [-10, -8, -10, -12, -8, -6, -10, 118, 118, -128, 127, -128],
    );
  });

  Deno.test(`quantization kernels: ${kernel} runFloat divides in float32, as ONNX QuantizeLinear does`, () => {
    // Each x / scale is just off a tie in float64 (85.4999966…, 27.4999994…, 37.4999998…) but
    // exactly the tie in float32 (85.5, 27.5, 37.5), which rounds to even: 86, 28, 38, where a
    // float64 division would give 85, 27, 37. In the SIMD part and in the scalar tail.
    const cases = [
      [1.329930305480957, 0.015554741024971008, 86],
      [0.7260048985481262, 0.02640017867088318, 28],
      [0.1865975260734558, 0.00497593404725194, 38],
    ] as const;
    const k = 45;
    for (const [value, scale, want] of cases) {
      const x = new Float32Array(k);
      x[3] = value;
      x[40] = value;
      const input = { scale: Math.fround(scale), zeroPoint: 0, qmin: 0, qmax: 127 };
      const got = createInt8Linear(identity(k), [k, k], { kernel }).runFloat(x, 1, input);
      assert.deepEqual([got[3], got[40]], [want, want], `${value} / ${scale}`);
    }
  });

  Deno.test(`quantization kernels: ${kernel} runFloat equals run on the reference quantization`, () => {
    for (const [s, input] of schemes(kernel).entries()) {
      for (const [m, n, k] of SHAPES) {
        const x = randomFloatInputs(m * k, 100 * s + 7 * m + k, input);
        const w = randomInt8(n * k, 13 * n + k);
        const layer = createInt8Linear(w, [n, k], { kernel, maxBatch: 64 });
        const got = layer.runFloat(x, m, input);
        assert.ok(got instanceof Int32Array);
        const want = layer.run(quantizeInputRef(x, input), m);
        assert.deepEqual(got, want, `${JSON.stringify(input)} m=${m} n=${n} k=${k}`);
      }
      // Identity weights compare the quantized values themselves.
      const x = randomFloatInputs(40 * 45, 7 + s, input);
      const got = createInt8Linear(identity(45), [45, 45], { kernel }).runFloat(x, 40, input);
      assert.deepEqual(got, Int32Array.from(quantizeInputRef(x, input)), JSON.stringify(input));
    }
  });

  Deno.test(`quantization kernels: ${kernel} runFloat chunks batches and reuses its buffers`, () => {
    const [n, k] = [7, 23];
    const w = randomInt8(n * k, 3);
    const layer = createInt8Linear(w, [n, k], { kernel, maxBatch: 3 });
    const results: [Int32Array, Int32Array][] = [];
    for (const [call, m] of [10, 1, 3, 0, 7, 2, 4].entries()) {
      const input = schemes(kernel)[call % schemes(kernel).length];
      const x = randomFloatInputs(m * k, 50 + call, input);
      const got = layer.runFloat(x, m, input);
      assert.equal(got.length, m * n);
      results.push([got, layer.run(quantizeInputRef(x, input), m)]);
    }
    // Each result is a copy: later calls did not overwrite earlier ones.
    for (const [got, want] of results) assert.deepEqual(got, want);
  });

  Deno.test(`quantization kernels: ${kernel} runFloat reads subarrays and gives zeros when K is 0`, () => {
    const [m, n, k] = [3, 4, 19];
    const input = UNSIGNED[0];
    const all = randomFloatInputs(m * k + 5, 8, input);
    const layer = createInt8Linear(randomInt8(n * k, 9), [n, k], { kernel });
    const x = all.subarray(5);
    assert.deepEqual(layer.runFloat(x, m, input), layer.run(quantizeInputRef(x, input), m));
    const empty = createInt8Linear(new Int8Array(0), [3, 0], { kernel });
    assert.deepEqual([...empty.runFloat(new Float32Array(0), 2, input)], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...layer.runFloat(new Float32Array(0), 0, input)], []);
  });
}
