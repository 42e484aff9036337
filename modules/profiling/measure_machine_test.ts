import assert from "node:assert/strict";
import { type ComputeKernel, measureMachine } from "./measure_machine.ts";

const small = { matmulSize: 32, copyBytes: 1 << 16, iterations: 3 };

Deno.test("profiling: measureMachine measures positive roofs, their spread and their ratio", async () => {
  const m = await measureMachine(small);
  for (const roof of [m.compute, m.memory]) {
    assert.ok(roof.best > 0 && Number.isFinite(roof.best));
    assert.ok(roof.worst <= roof.median && roof.median <= roof.best);
    assert.equal(roof.runs, 3);
  }
  assert.equal(m.gflops, m.compute.best);
  assert.equal(m.gbPerSecond, m.memory.best);
  assert.equal(m.memory.kernel, "Float32Array.set");
  assert.equal(m.ridge, m.gflops / m.gbPerSecond);
  assert.equal(m.ridgeRange.low, m.compute.median / m.memory.best);
  assert.equal(m.ridgeRange.high, m.compute.best / m.memory.median);
  assert.equal(m.details.matmulSize, 32);
  assert.equal(m.int8, undefined);
});

Deno.test("profiling: measureMachine's compute roof is the best of the course's fp32 kernels", async () => {
  const m = await measureMachine(small);
  const names = m.details.kernels.map((k) => k.name);
  assert.ok(names.some((n) => n.startsWith("matmulF32 transposeB ")), names.join());
  assert.ok(names.some((n) => n.startsWith("matmulF32 (")), names.join());
  const ran = m.details.kernels.filter((k) => k.rate !== undefined);
  assert.equal(m.compute.best, Math.max(...ran.map((k) => k.rate!.best)));
  assert.equal(ran.find((k) => k.rate!.best === m.compute.best)?.name, m.compute.kernel);
});

Deno.test("profiling: measureMachine times passed-in kernels: int8 gets its own roof, a failing one is recorded", async () => {
  const prepared: number[] = [];
  const int8: ComputeKernel = {
    name: "fake int8",
    precision: "int8",
    prepare(n) {
      prepared.push(n);
      const x = new Int32Array(n);
      return () => x.fill(1);
    },
  };
  const broken: ComputeKernel = {
    name: "stub",
    precision: "float32",
    prepare: () => () => {
      throw new RangeError("not here");
    },
  };
  const m = await measureMachine({ ...small, kernels: [int8, broken] });
  assert.deepEqual(prepared, [32]);
  assert.equal(m.int8?.kernel, "fake int8");
  assert.equal(m.int8?.runs, 3);
  const stub = m.details.kernels.find((k) => k.name === "stub");
  assert.equal(stub?.rate, undefined);
  assert.equal(stub?.error, "RangeError: not here");
  assert.notEqual(m.compute.kernel, "stub");
});

Deno.test("profiling: measureMachine is measured once per process and options", async () => {
  const a = await measureMachine(small);
  const b = await measureMachine({ ...small });
  assert.equal(a, b);
});

Deno.test("profiling: measureMachine rejects bad sizes", () => {
  assert.throws(() => measureMachine({ matmulSize: 0 }), RangeError);
  assert.throws(() => measureMachine({ matmulSize: 30 }), RangeError);
  assert.throws(() => measureMachine({ copyBytes: 6 }), RangeError);
  assert.throws(() => measureMachine({ iterations: 2.5 }), RangeError);
});
