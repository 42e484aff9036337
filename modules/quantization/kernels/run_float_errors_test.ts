import assert from "node:assert/strict";
import { availableKernels } from "./available_kernels.ts";
import { createInt8Linear } from "./int8_linear.ts";
import { quantizeInputRef, randomFloatInputs, randomInt8 } from "./_test_util.ts";

const KERNELS = availableKernels();
const UNSIGNED = { scale: 0.25, zeroPoint: 0, qmin: 0, qmax: 127 };
const SIGNED = { scale: 0.25, zeroPoint: -10, qmin: -128, qmax: 127 };

/** A RangeError naming element `index` with value `value`. */
const nonFinite = (index: number, value: number) => (e: unknown) =>
  e instanceof RangeError &&
  e.message ===
    `Cannot quantize the input of the int8 linear kernel: element ${index} is ${value}; every value must be finite`;

for (const kernel of KERNELS) {
  Deno.test(`quantization kernels: ${kernel} runFloat rejects NaN and ±Infinity, naming the first`, () => {
    // K = 37: 32 SIMD lanes then a tail of 5; 5 rows in chunks of 2.
    const [m, n, k] = [5, 6, 37];
    const layer = createInt8Linear(randomInt8(n * k, 1), [n, k], { kernel, maxBatch: 2 });
    const clean = randomFloatInputs(m * k, 2, UNSIGNED);
    const positions = [0, 5, 31, 33, 36, k + 2, 2 * k + 10, 4 * k + 20, m * k - 1];
    for (const [p, at] of positions.entries()) {
      const bad = [NaN, Infinity, -Infinity][p % 3];
      const x = clean.slice();
      x[at] = bad;
      assert.throws(() => layer.runFloat(x, m, UNSIGNED), nonFinite(at, bad), `at ${at}`);
      if (at + 40 < x.length) x[at + 40] = NaN;
      assert.throws(() => layer.runFloat(x, m, UNSIGNED), nonFinite(at, bad), "the first one");
    }
    // The object still works afterwards.
    const want = layer.run(quantizeInputRef(clean, UNSIGNED), m);
    assert.deepEqual(layer.runFloat(clean, m, UNSIGNED), want);
  });

  Deno.test(`quantization kernels: ${kernel} runFloat checks lengths, types and the quantization`, () => {
    const layer = createInt8Linear(new Int8Array(6), [2, 3], { kernel });
    assert.throws(
      () => layer.runFloat(new Float32Array(7), 2, UNSIGNED),
      (e: unknown) =>
        e instanceof RangeError &&
        e.message ===
          "Cannot run the int8 linear kernel on 7 inputs as 2 rows: expected 2 rows of 3",
    );
    assert.throws(() => layer.runFloat(new Float32Array(3), 1.5, UNSIGNED), RangeError);
    assert.throws(
      () => layer.runFloat(new Float64Array(3) as unknown as Float32Array, 1, UNSIGNED),
      (e: unknown) =>
        e instanceof TypeError && /expected a Float32Array, got Float64Array/.test(e.message),
    );
    const x = new Float32Array(3);
    for (const scale of [0, -1, NaN, Infinity]) {
      assert.throws(
        () => layer.runFloat(x, 1, { ...UNSIGNED, scale }),
        (e: unknown) =>
          e instanceof RangeError && /scale .*: expected a finite number > 0/.test(e.message),
        `scale ${scale}`,
      );
    }
    for (const [qmin, qmax] of [[5, 4], [-129, 0], [0, 128], [0.5, 10], [NaN, 127]]) {
      assert.throws(() => layer.runFloat(x, 1, { ...UNSIGNED, qmin, qmax }), RangeError);
    }
    for (const zeroPoint of [128, -129, 0.5, NaN]) {
      assert.throws(() => layer.runFloat(x, 1, { ...UNSIGNED, zeroPoint }), RangeError);
    }
  });
}

Deno.test("quantization kernels: relaxed runFloat rejects a signed input range up front", () => {
  const layer = createInt8Linear(new Int8Array(6), [2, 3], { kernel: "relaxed" });
  assert.throws(
    () => layer.runFloat(new Float32Array(3).fill(1), 1, SIGNED),
    (e: unknown) =>
      e instanceof RangeError &&
      e.message ===
        `Cannot run the relaxed int8 kernel on inputs quantized to [-128, 127]: every input must lie in [0, 127] (7-bit), use kernel "dot16" for signed inputs`,
  );
  for (const kernel of ["dot16", "scalar"] as const) {
    const other = createInt8Linear(Int8Array.of(1, 1, 1, -1, 0, 2), [2, 3], { kernel });
    // xq = [-1, 0.5, 2] / 0.25 - 10 = [-14, -8, -2]; rows [1, 1, 1] and [-1, 0, 2].
    assert.deepEqual([...other.runFloat(Float32Array.of(-1, 0.5, 2), 1, SIGNED)], [-24, 10]);
  }
});
