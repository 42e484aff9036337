import assert from "node:assert/strict";
import { Tensor, tensor } from "@tinytorch/tensor";
import { accuracy } from "./accuracy.ts";

const int32 = (values: number[]) => tensor(values, { dtype: "int32" });

Deno.test("datasets: accuracy() compares the argmax of each row with the label", () => {
  const logits = tensor([[0.1, 2, 0], [3, -1, 0], [0, 1, 5], [-2, -1, -3]]);
  assert.equal(accuracy(logits, int32([1, 0, 2, 1])), 1);
  assert.equal(accuracy(logits, int32([1, 1, 1, 1])), 0.5);
  assert.equal(accuracy(logits, int32([0, 1, 0, 0])), 0);
  assert.equal(accuracy(tensor([[1, 1, 0]]), int32([0])), 1, "ties go to the first index");
  assert.equal(accuracy(tensor([[1, 2]]), tensor([1], { dtype: "int8" })), 1);
});

Deno.test("datasets: accuracy() rejects mismatched or malformed inputs", () => {
  assert.throws(
    () => accuracy(tensor([[1, 2], [3, 4], [5, 6]]), int32([0, 1])),
    (e: Error) =>
      e instanceof RangeError && e.message.includes("[3,2]") && e.message.includes("[2]") &&
      e.message.includes("3 rows but 2 labels"),
  );
  assert.throws(() => accuracy(tensor([1, 2]), int32([0, 1])), RangeError);
  assert.throws(() => accuracy(tensor([[1, 2]]), tensor([1])), TypeError);
  assert.throws(() => accuracy(new Tensor(new Float32Array(0), [0, 2]), int32([])), RangeError);
});
