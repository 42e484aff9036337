import assert from "node:assert/strict";
import { allClose, throws } from "./compare.ts";
import { attempt, defineCases, expectedObservation, judge, runCase } from "./cases.ts";
import { NotImplementedError } from "./not_implemented_error.ts";

interface Api {
  half(x: number): number;
}

const set = defineCases<Api>("demo.1", {
  "halves": { run: (api) => api.half(3), expect: 1.5, compare: allClose() },
  "oracle": { run: (api) => api.half(10), expect: () => 10 / 2 },
  "rejects NaN": { run: (api) => api.half(NaN), compare: throws("RangeError") },
});

const good: Api = {
  half: (x) => {
    if (Number.isNaN(x)) throw new RangeError("Cannot halve NaN");
    return x / 2;
  },
};

async function verdicts(api: Api) {
  const out: Record<string, string | null> = {};
  for (const [name, c] of Object.entries(set.cases)) {
    out[name] = judge(c, await runCase(c, api), await expectedObservation(c));
  }
  return out;
}

Deno.test("course: cases pass on a correct implementation", async () => {
  assert.deepEqual(await verdicts(good), { halves: null, oracle: null, "rejects NaN": null });
});

Deno.test("course: every case fails on a stub", async () => {
  const stub: Api = {
    half: () => {
      throw new NotImplementedError("demo.1");
    },
  };
  for (const problem of Object.values(await verdicts(stub))) {
    assert.match(problem!, /not implemented/);
  }
});

Deno.test("course: a wrong answer is reported with expected and got", async () => {
  const wrong = await verdicts({ half: (x) => x / 3 });
  assert.match(wrong.halves!, /got 1, want 1.5/);
  assert.match(wrong["rejects NaN"]!, /expected RangeError to be thrown, got NaN/);
});

Deno.test("course: attempt() returns what a call threw, but throws a stub on", () => {
  const error = new RangeError("r");
  assert.equal(
    attempt(() => {
      throw error;
    }),
    error,
  );
  assert.equal(attempt(() => 3), 3);
  assert.throws(() =>
    attempt(() => {
      throw new NotImplementedError("demo.1");
    }), NotImplementedError);
});

Deno.test("course: defineCases() rejects bad ids and empty sets", () => {
  assert.throws(() => defineCases("demo", { a: { run: () => 1 } }), RangeError);
  assert.throws(() => defineCases("demo.10x", { a: { run: () => 1 } }), RangeError);
  assert.throws(() => defineCases("demo.1", {}), /there are none/);
});

Deno.test("course: async run and reference expectations", async () => {
  const c = { run: async () => await Promise.resolve(2), expect: "reference" };
  assert.equal(await runCase(c, {}), 2);
  await assert.rejects(() => expectedObservation(c), RangeError);
});
