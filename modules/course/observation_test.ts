import assert from "node:assert/strict";
import { asError, asTensor, describe, observe, observedNumber } from "./observation.ts";
import { NotImplementedError } from "./not_implemented_error.ts";

Deno.test("course: observe() keeps special numbers through JSON", () => {
  const o = JSON.parse(JSON.stringify(observe([NaN, Infinity, -Infinity, -0, 1.5])));
  const back = o.map(observedNumber);
  assert.ok(Number.isNaN(back[0]));
  assert.deepEqual(back.slice(1), [Infinity, -Infinity, -0, 1.5]);
  assert.ok(Object.is(back[3], -0));
});

Deno.test("course: observe() encodes typed arrays, tensors, errors and objects", () => {
  assert.deepEqual(observe(new Int8Array([1, -1])), { $typed: "Int8Array", values: [1, -1] });
  const t = { dtype: "int8", shape: [2], data: new Int8Array([3, 4]), extra: () => 1 };
  assert.deepEqual(observe(t), { $tensor: { dtype: "int8", shape: [2], values: [3, 4] } });
  assert.deepEqual(observe(new NotImplementedError("a.1")), {
    $error: {
      name: "NotImplementedError",
      message: 'Cannot run task "a.1": it is not implemented yet',
      task: "a.1",
    },
  });
  assert.deepEqual(observe({ a: undefined, b: [true, "s", null] }), {
    a: { $undefined: true },
    b: [true, "s", null],
  });
});

Deno.test("course: observe() refuses functions and cycles", () => {
  assert.throws(() => observe(() => 1), TypeError);
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assert.throws(() => observe(cycle), /nested deeper than 32/);
});

Deno.test("course: describe() is short and readable", () => {
  assert.equal(describe(observe({ a: [1, NaN] })), "{ a: [1, NaN] }");
  assert.equal(describe(observe(new Float32Array(100))).length, 200);
});

Deno.test("course: observe() keeps keys named like Object.prototype members, and no value poses as an encoding", () => {
  const honest = JSON.parse(
    '{"toString": 1, "constructor": 2, "__proto__": {"a": 3}, "valueOf": 4}',
  );
  const o = JSON.parse(JSON.stringify(observe(honest)));
  assert.deepEqual(Object.keys(o), ["toString", "constructor", "__proto__", "valueOf"]);
  assert.equal(describe(observe({ toString: 1 })), "{ toString: 1 }");
  const posing = observe({ $error: { name: "RangeError", message: "bad shape" } });
  assert.equal(asError(posing), undefined, "a returned object is not a thrown error");
  assert.equal(describe(posing), '{ $error: { name: "RangeError", message: "bad shape" } }');
  assert.equal(
    asTensor(observe({ $tensor: { dtype: "int8", shape: [], values: [1] } })),
    undefined,
  );
});
