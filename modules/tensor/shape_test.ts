import assert from "node:assert/strict";
import { checkDType, checkStorable, dtypeOf, INT_RANGES, isDType } from "./_dtype.ts";
import { promoteTypes } from "./dtype.ts";
import { normalizeAxes, normalizeAxis, unravelIndex } from "./_shape.ts";
import { formatShape, sizeOf, stridesOf } from "./shape.ts";

Deno.test("tensor: shape helpers compute sizes, strides and indices", () => {
  assert.equal(formatShape([2, 3]), "[2,3]");
  assert.equal(formatShape([]), "[]");
  assert.equal(sizeOf([]), 1);
  assert.equal(sizeOf([2, 0, 3]), 0);
  assert.deepEqual(stridesOf([2, 3, 4]), [12, 4, 1]);
  assert.deepEqual(unravelIndex(23, [2, 3, 4]), [1, 2, 3]);
  assert.equal(normalizeAxis(-1, 3, "sum"), 2);
  assert.throws(() => normalizeAxis(3, 3, "sum"), {
    name: "RangeError",
    message: "Cannot sum along axis 3: a 3-d tensor has axes -3 to 2",
  });
  assert.throws(() => normalizeAxis("0", 3, "sum"), TypeError);
  assert.deepEqual(normalizeAxes(undefined, 2, "sum"), [0, 1]);
  assert.deepEqual(normalizeAxes([-1, 0], 3, "sum"), [0, 2]);
  assert.throws(() => normalizeAxes([1, -2], 3, "sum"), RangeError);
});

Deno.test("tensor: dtype helpers name, promote and range-check dtypes", () => {
  assert.ok(isDType("int8") && !isDType("float64"));
  assert.throws(() => checkDType("uint8", "convert"), TypeError);
  assert.equal(dtypeOf(new Int32Array(1)), "int32");
  assert.throws(() => dtypeOf(new Uint8Array(1)), TypeError);
  assert.equal(promoteTypes("int8", "int8"), "int32");
  assert.equal(promoteTypes("int8", "int32"), "int32");
  assert.equal(promoteTypes("int8", "float32"), "float32");
  assert.deepEqual(INT_RANGES.int8, [-128, 127]);
  checkStorable(-128, "int8", "store");
  checkStorable(0.5, "float32", "store");
  assert.throws(() => checkStorable(2 ** 31, "int32", "store"), RangeError);
});
