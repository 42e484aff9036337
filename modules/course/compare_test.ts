import assert from "node:assert/strict";
import { allClose, custom, exact, throws, throwsEach } from "./compare.ts";
import { observe } from "./observation.ts";

const tensorLike = (data: Float32Array | Int8Array, shape: number[], dtype: string) => ({
  data,
  shape,
  dtype,
});

Deno.test("course: exact() compares nested arrays and tensors by value and shape", () => {
  const check = exact().check;
  const t = observe(tensorLike(new Float32Array([1, 2, 3, 4]), [2, 2], "float32"));
  assert.equal(check(t, observe([[1, 2], [3, 4]])), null);
  assert.match(check(t, observe([1, 2, 3, 4]))!, /shape \[2,2\] does not match the expected \[4\]/);
  assert.match(check(t, observe([[1, 2], [3, 5]]))!, /got 4, want 5 at index \[1,1\]/);
});

Deno.test("course: exact() requires the dtype when the expectation is a tensor", () => {
  const check = exact().check;
  const f = observe(tensorLike(new Float32Array([1]), [1], "float32"));
  const i = observe(tensorLike(new Int8Array([1]), [1], "int8"));
  assert.match(check(f, i)!, /expected an int8 tensor/);
  assert.equal(check(i, i), null);
});

Deno.test("course: exact() treats NaN as NaN and compares objects over expected fields", () => {
  const check = exact().check;
  assert.equal(check(observe({ a: NaN, b: [1], extra: 3 }), observe({ a: NaN, b: [1] })), null);
  assert.match(check(observe({ a: 1 }), observe({ a: 1, b: 2 }))!, /missing field "b"/);
  assert.match(check(observe("x"), observe("y"))!, /got "x", want "y"/);
});

Deno.test("course: allClose() has NumPy semantics and reports the worst element", () => {
  const check = allClose({ rtol: 1e-3, atol: 0 }).check;
  assert.equal(check(observe([1000.9, 2]), observe([1000, 2])), null);
  const problem = check(observe([[1, 2.5], [3.01, 4]]), observe([[1, 2], [3, 4]]))!;
  assert.match(problem, /got 2.5, want 2 at index \[0,1\]/);
  assert.match(problem, /2 of 4 elements differ/);
  assert.match(check(observe([NaN]), observe([NaN]))!, /got NaN, want NaN/);
  assert.equal(allClose({ equalNan: true }).check(observe([NaN]), observe([NaN])), null);
  assert.equal(check(observe([Infinity]), observe([Infinity])), null);
  assert.match(
    check(observe([1]), observe([[1]]))!,
    /shape \[1\] does not match the expected \[1,1\]/,
  );
});

Deno.test("course: allClose() reads typed arrays and recurses into objects", () => {
  const check = allClose({ atol: 1e-6 }).check;
  const got = observe({ scale: 0.5000001, values: new Int8Array([1, -2]) });
  assert.equal(check(got, observe({ scale: 0.5, values: [1, -2] })), null);
  assert.match(check(got, observe({ scale: 0.6, values: [1, -2] }))!, /^scale: got/);
});

Deno.test("course: a thrown error fails value comparisons and names not-implemented tasks", () => {
  const stub = { $error: { name: "NotImplementedError", message: "m", task: "t.1" } };
  assert.match(exact().check(stub, 1)!, /^not implemented/);
  assert.match(
    allClose().check({ $error: { name: "RangeError", message: "bad" } }, 1)!,
    /threw RangeError: bad/,
  );
});

Deno.test("course: throws() checks the name and the message", () => {
  const got = observe(new RangeError("Cannot reshape: sizes 6 and 4"));
  assert.equal(throws("RangeError").check(got, null), null);
  assert.equal(throws("RangeError", "sizes 6").check(got, null), null);
  assert.equal(throws("RangeError", /6 and 4$/).check(got, null), null);
  assert.match(throws("TypeError").check(got, null)!, /expected TypeError, but RangeError/);
  assert.match(throws("RangeError", "tensor").check(got, null)!, /does not match/);
  assert.match(throws("RangeError").check(3, null)!, /expected RangeError to be thrown, got 3/);
  const stub = observe(Object.assign(new Error("x"), { name: "NotImplementedError" }));
  assert.match(throws("RangeError").check(stub, null)!, /not implemented/);
});

Deno.test("course: throwsEach() checks every error of a list, by position", () => {
  const got = observe([new TypeError("Cannot add 1"), new TypeError("Cannot subtract 1")]);
  const each = throwsEach("TypeError", [/add/, "subtract"]);
  assert.equal(each.check(got, null), null);
  assert.match(throwsEach("TypeError", [/add/, /add/]).check(got, null)!, /^\[1\]: .*does not/);
  assert.match(throwsEach("RangeError", [/add/, /sub/]).check(got, null)!, /^\[0\]: expected/);
  assert.match(each.check(observe([new TypeError("Cannot add 1")]), null)!, /a list of 2 errors/);
  assert.match(each.check(observe([1, 2]), null)!, /^\[0\]: expected TypeError to be thrown/);
  assert.match(each.check(observe(new RangeError("r")), null)!, /threw RangeError: r/);
});

Deno.test("course: custom() runs the check but never on a thrown error", () => {
  const positive = custom("positive", (got) => (got as number) > 0 ? null : "not positive");
  assert.equal(positive.check(1, null), null);
  assert.equal(positive.check(-1, null), "not positive");
  assert.match(positive.check(observe(new TypeError("t")), null)!, /threw TypeError/);
});

Deno.test("course: objects compare over own keys only, whatever they are named", () => {
  const want = observe({ toString: 1, constructor: 2 });
  assert.equal(exact().check(observe({}), want), 'missing field "toString"');
  assert.equal(exact().check(observe({ toString: 1, constructor: 2 }), want), null);
  assert.equal(
    exact().check(observe({ toString: 1, constructor: 3 }), want),
    "constructor: got 3, want 2",
  );
  const thrown = observe(new RangeError("Cannot reshape [2, 3] to [4]"));
  const posing = observe({
    $error: { name: "RangeError", message: "Cannot reshape [2, 3] to [4]" },
  });
  assert.notEqual(throws("RangeError", /reshape/).check(posing, thrown), null);
});
