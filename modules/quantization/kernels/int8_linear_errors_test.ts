import assert from "node:assert/strict";
import { createInt8Linear } from "./int8_linear.ts";
import type { KernelName } from "./available_kernels.ts";

Deno.test("quantization kernels: relaxed rejects inputs outside [0, 127]", () => {
  const layer = createInt8Linear(new Int8Array(3 * 20).fill(1), [3, 20], { kernel: "relaxed" });
  const signed = new Int8Array(2 * 20).fill(5);
  signed[33] = -1;
  assert.throws(() => layer.run(signed, 2), RangeError);
  const unsigned = new Uint8Array(20).fill(128);
  assert.throws(
    () => layer.run(unsigned, 1),
    (e: unknown) => e instanceof RangeError && /\[0, 127\]/.test(e.message),
  );
  // The check covers later chunks too, and the object still works afterwards.
  const chunked = createInt8Linear(new Int8Array(20).fill(1), [1, 20], {
    kernel: "relaxed",
    maxBatch: 1,
  });
  assert.throws(() => chunked.run(signed, 2), RangeError);
  assert.deepEqual([...chunked.run(new Int8Array(40).fill(2), 2)], [40, 40]);
});

Deno.test("quantization kernels: run() rejects an input whose length does not match", () => {
  for (const kernel of ["relaxed", "dot16", "scalar"] as KernelName[]) {
    const layer = createInt8Linear(new Int8Array(6), [2, 3], { kernel });
    assert.throws(
      () => layer.run(new Int8Array(7), 2),
      (e: unknown) =>
        e instanceof RangeError &&
        e.message ===
          "Cannot run the int8 linear kernel on 7 inputs as 2 rows: expected 2 rows of 3",
    );
    assert.throws(() => layer.run(new Int8Array(3), 1.5), RangeError);
    assert.throws(() => layer.run(new Int8Array(0), -1), RangeError);
  }
});

Deno.test("quantization kernels: createInt8Linear() validates shape, maxBatch and kernel", () => {
  assert.throws(
    () => createInt8Linear(new Int8Array(5), [2, 3]),
    (e: unknown) =>
      e instanceof RangeError &&
      e.message ===
        "Cannot create an int8 linear kernel of shape [2,3] from 5 weights: expected 2 rows of 3",
  );
  assert.throws(() => createInt8Linear(new Int8Array(6), [2, 3], { maxBatch: 0 }), RangeError);
  assert.throws(() => createInt8Linear(new Int8Array(6), [2, 3], { maxBatch: 2.5 }), RangeError);
  assert.throws(
    () => createInt8Linear(new Int8Array(6), [2, 3], { kernel: "fast" as KernelName }),
    TypeError,
  );
  assert.throws(
    () => createInt8Linear(new Int8Array(0), [0, 1 << 20], { maxBatch: 1 << 13 }),
    (e: unknown) => e instanceof RangeError && /Wasm pages/.test(e.message),
  );
});

Deno.test("quantization kernels: the default kernel is the best one", () => {
  assert.equal(createInt8Linear(new Int8Array(4), [2, 2]).kernel, "relaxed");
  const layer = createInt8Linear(new Int8Array(4), [2, 2], { kernel: "dot16" });
  assert.equal(layer.kernel, "dot16");
  assert.equal(layer.maxBatch, 64);
  assert.deepEqual([layer.outFeatures, layer.inFeatures], [2, 2]);
});

Deno.test("quantization kernels: byteLength counts the whole Wasm memory, sized once", () => {
  // 784 -> 128, maxBatch 64: int8 weights 128*784 + inputs 64*784 + outputs 64*128*4
  // + float staging 64*784*4 = 384000 bytes, rounded up to 6 pages of 64 KiB.
  const relaxed = createInt8Linear(new Int8Array(128 * 784), [128, 784], { kernel: "relaxed" });
  assert.equal(relaxed.byteLength, 6 * 65536);
  // dot16 stores its weights as int16: 128*784*2 more bytes, 484352 in all, 8 pages.
  const wasm = createInt8Linear(new Int8Array(128 * 784), [128, 784], { kernel: "dot16" });
  assert.equal(wasm.byteLength, 8 * 65536);
  // K = 10 pads to 16: 4*16 + 2*16 + 2*4*4 + 2*10*4 fits one page.
  assert.equal(createInt8Linear(new Int8Array(40), [4, 10], { maxBatch: 2 }).byteLength, 65536);
  const scalar = createInt8Linear(new Int8Array(128 * 784), [128, 784], { kernel: "scalar" });
  assert.equal(scalar.byteLength, 128 * 784);
  // Many calls (including chunked ones) never grow the memory.
  const x = new Int8Array(200 * 784).fill(1);
  const xf = new Float32Array(200 * 784).fill(0.5);
  const input = { scale: 0.5, zeroPoint: 0, qmin: 0, qmax: 127 };
  for (let i = 0; i < 3; i++) {
    wasm.run(x, 200);
    wasm.runFloat(xf, 200, input);
  }
  assert.equal(wasm.byteLength, 8 * 65536);
});
