import assert from "node:assert/strict";
import { rooflineVerdict } from "./roofline_verdict.ts";

/** P = 5 GFLOP/s (median run 4), W = 25 GB/s (median 20): ridge 0.2, spread 0.16 to 0.25. */
const compute = { best: 5, median: 4, worst: 2, runs: 15, kernel: "fp32" };
const memory = { best: 25, median: 20, worst: 9, runs: 15, kernel: "copy" };
const machine = { compute, memory };

const verdict = (intensity: number, gflops: number, m = machine, precision?: "int8") =>
  rooflineVerdict({ intensity, gflops }, m, precision).verdict;

Deno.test("profiling: rooflineVerdict gives the bound away from the ridge", () => {
  assert.deepEqual(rooflineVerdict({ intensity: 0.125, gflops: 1 }, machine), {
    verdict: "memory",
    attainableGflops: 0.125 * 25,
  });
  assert.deepEqual(rooflineVerdict({ intensity: 2, gflops: 4 }, machine), {
    verdict: "compute",
    attainableGflops: 5,
  });
});

Deno.test("profiling: rooflineVerdict says balanced within the ridge's spread, on both sides", () => {
  for (const intensity of [0.16, 0.19, 0.2, 0.25]) {
    assert.equal(verdict(intensity, 1), "balanced", `${intensity}`);
  }
  assert.equal(verdict(0.159, 1), "memory");
  assert.equal(verdict(0.251, 1), "compute");
});

Deno.test("profiling: rooflineVerdict reports a row above the roof as a measurement problem", () => {
  assert.equal(verdict(2, 5.01), "above-roof"); // above P = 5
  assert.equal(verdict(0.1, 2.6), "above-roof"); // above I·W = 2.5
  assert.equal(verdict(0.22, 5.4), "above-roof"); // near the ridge, but above P
  assert.equal(verdict(0.1, Infinity), "above-roof"); // a time the timer could not see
  assert.equal(verdict(0.1, NaN), "above-roof");
  assert.equal(verdict(2, 5), "compute"); // on the roof is allowed
});

Deno.test("profiling: rooflineVerdict judges int8 rows against the int8 roof and its own ridge", () => {
  const int8 = { best: 40, median: 32, worst: 10, runs: 15, kernel: "int8" };
  const both = { ...machine, int8 }; // int8 ridge 1.6, spread 1.28 to 2
  assert.equal(verdict(2.5, 30, both, "int8"), "compute");
  assert.equal(verdict(1.5, 30, both, "int8"), "balanced");
  assert.equal(verdict(1, 20, both, "int8"), "memory");
  assert.equal(verdict(2.5, 41, both, "int8"), "above-roof");
  assert.equal(verdict(2.5, 30, both), "above-roof"); // as float32 it would beat P = 5
  assert.equal(verdict(2.5, 30, machine, "int8"), "above-roof"); // no int8 roof measured
  assert.equal(rooflineVerdict({ intensity: 1, gflops: 1 }, both, "int8").attainableGflops, 25);
});

Deno.test("profiling: rooflineVerdict of a row without FLOPs is memory", () => {
  assert.deepEqual(rooflineVerdict({ intensity: 0, gflops: 0 }, machine), {
    verdict: "memory",
    attainableGflops: 0,
  });
});
