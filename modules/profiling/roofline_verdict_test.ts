import assert from "node:assert/strict";
import { rooflineVerdict } from "./roofline_verdict.ts";

const roof = { best: 5, median: 4, worst: 2, runs: 15, kernel: "k" };
/** P = 5 GFLOP/s, W = 25 GB/s: ridge 0.2, measured spread 0.16 to 0.25 FLOP/byte. */
const machine = { gbPerSecond: 25, ridgeRange: { low: 0.16, high: 0.25 }, compute: roof };

Deno.test("profiling: rooflineVerdict keeps the bound away from the ridge", () => {
  const low = rooflineVerdict({ intensity: 0.125, gflops: 1, bound: "memory" }, machine);
  assert.deepEqual(low, { verdict: "memory", attainableGflops: 0.125 * 25 });
  const high = rooflineVerdict({ intensity: 2, gflops: 4, bound: "compute" }, machine);
  assert.deepEqual(high, { verdict: "compute", attainableGflops: 5 });
});

Deno.test("profiling: rooflineVerdict says balanced within the ridge's spread, on both sides", () => {
  for (
    const [intensity, bound] of [[0.16, "memory"], [0.19, "memory"], [0.2, "compute"], [
      0.25,
      "compute",
    ]] as const
  ) {
    assert.equal(
      rooflineVerdict({ intensity, gflops: 1, bound }, machine).verdict,
      "balanced",
      `${intensity}`,
    );
  }
  assert.equal(
    rooflineVerdict({ intensity: 0.159, gflops: 1, bound: "memory" }, machine).verdict,
    "memory",
  );
  assert.equal(
    rooflineVerdict({ intensity: 0.251, gflops: 1, bound: "compute" }, machine).verdict,
    "compute",
  );
});

Deno.test("profiling: rooflineVerdict reports a row above the roof as a measurement problem", () => {
  const verdict = (intensity: number, gflops: number, int8?: typeof roof) =>
    rooflineVerdict({ intensity, gflops, bound: "compute" }, { ...machine, int8 }).verdict;
  assert.equal(verdict(2, 5.01), "above-roof"); // above P = 5
  assert.equal(verdict(0.1, 2.6), "above-roof"); // above I·W = 2.5
  assert.equal(verdict(0.22, 5.4), "above-roof"); // near the ridge, but above P
  assert.equal(verdict(0.1, Infinity), "above-roof"); // a time the timer could not see
  assert.equal(verdict(0.1, NaN), "above-roof");
  assert.equal(verdict(2, 5), "compute"); // on the roof is allowed
  // An int8 roof raises the ceiling: 30 GOP/s at intensity 2 is below min(40, 2 · 25).
  assert.equal(verdict(2, 30), "above-roof");
  assert.equal(verdict(2, 30, { ...roof, best: 40 }), "compute");
  assert.equal(verdict(2, 60, { ...roof, best: 40 }), "above-roof");
});

Deno.test("profiling: rooflineVerdict of a row without FLOPs is its bound", () => {
  const r = rooflineVerdict({ intensity: 0, gflops: 0, bound: "memory" }, machine);
  assert.deepEqual(r, { verdict: "memory", attainableGflops: 0 });
});
