import assert from "node:assert/strict";
import { measureMachine } from "./measure_machine.ts";

const small = { matmulSize: 32, copyBytes: 1 << 16, iterations: 3 };

Deno.test("profiling: measureMachine measures positive roofs and their ratio", async () => {
  const m = await measureMachine(small);
  assert.ok(m.gflops > 0 && Number.isFinite(m.gflops));
  assert.ok(m.gbPerSecond > 0 && Number.isFinite(m.gbPerSecond));
  assert.equal(m.ridge, m.gflops / m.gbPerSecond);
  assert.equal(m.details.matmulSize, 32);
  const best = Math.min(m.details.matmulMs, m.details.ikjMs);
  assert.equal(m.gflops, 2 * 32 ** 3 / (best * 1e6));
  assert.equal(m.gbPerSecond, 2 * (1 << 16) / (m.details.copyMs * 1e6));
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
