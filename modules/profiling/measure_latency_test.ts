import assert from "node:assert/strict";
import { measureLatency } from "./measure_latency.ts";

Deno.test("profiling: measureLatency runs warmup + iterations calls and keeps every sample", async () => {
  let calls = 0;
  const stats = await measureLatency(() => calls++, null, { warmup: 3, iterations: 7 });
  assert.equal(calls, 10);
  assert.equal(stats.samples, 7);
});

Deno.test("profiling: measureLatency with no warm-up times exactly `iterations` calls", async () => {
  let calls = 0;
  const stats = await measureLatency(() => calls++, null, { warmup: 0, iterations: 4 });
  assert.equal(calls, 4);
  assert.equal(stats.samples, 4);
});

Deno.test("profiling: measureLatency awaits async functions and calls forward on the model", async () => {
  let calls = 0;
  const stats = await measureLatency(
    async (x: number) => {
      await Promise.resolve();
      calls += x;
    },
    1,
    { warmup: 1, iterations: 5 },
  );
  assert.equal(calls, 6);
  assert.equal(stats.samples, 5);
  const model = {
    seen: [] as number[],
    forward(x: number) {
      this.seen.push(x);
    },
  };
  await measureLatency(model, 7, { warmup: 0, iterations: 2 });
  assert.deepEqual(model.seen, [7, 7]);
});

Deno.test("profiling: measureLatency statistics are ordered", async () => {
  const s = await measureLatency((n: number) => Math.sqrt(n), 3, { iterations: 50 });
  assert.ok(s.min <= s.median && s.median <= s.p95 && s.p95 <= s.p99 && s.p99 <= s.max);
  assert.ok(s.min <= s.mean && s.mean <= s.max && s.std >= 0);
});

Deno.test("profiling: measureLatency rejects bad counts and non-callables", async () => {
  for (const iterations of [0, -1, 1.5, NaN]) {
    await assert.rejects(() => measureLatency(() => 0, 0, { iterations }), RangeError);
  }
  await assert.rejects(() => measureLatency(() => 0, 0, { warmup: -1 }), RangeError);
  await assert.rejects(() => measureLatency(42 as never, 0), TypeError);
  await assert.rejects(
    () => measureLatency(() => Promise.resolve(1), 0, { warmup: 0, iterations: 1 }),
    /declare it async/,
  );
});

Deno.test("profiling: measureLatency passes on the function's error", async () => {
  await assert.rejects(
    () =>
      measureLatency(() => {
        throw new RangeError("boom");
      }, 0),
    { name: "RangeError", message: "boom" },
  );
});
