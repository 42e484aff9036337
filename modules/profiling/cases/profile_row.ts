import { allClose, defineCases, throws } from "@tinytorch/course";
import type { Api } from "./mod.ts";

const close = allClose({ rtol: 1e-12, atol: 0 });

/** Linear(784, 128) at batch 1, as the harness would measure it (the time is made up). */
const linear = {
  name: "0:Linear(784, 128)",
  outputShape: [1, 128],
  parameters: 100480,
  parameterBytes: 401920,
  inputBytes: 3136,
  outputBytes: 512,
  flops: 200832,
  medianMs: 0.25,
};

/** ReLU at batch 32 on 128 features. */
const relu = {
  name: "1:ReLU()",
  outputShape: [32, 128],
  parameters: 0,
  parameterBytes: 0,
  inputBytes: 16384,
  outputBytes: 16384,
  flops: 4096,
  medianMs: 0.004,
};

export default defineCases<Api>("profiling.5", {
  "roofline: below the ridge is memory-bound": {
    run: ({ rooflineBound }) => rooflineBound(0.125, 0.5),
    expect: "memory",
  },
  "roofline: above the ridge is compute-bound": {
    run: ({ rooflineBound }) => rooflineBound(8, 0.5),
    expect: "compute",
  },
  "roofline: exactly at the ridge both roofs meet: compute-bound": {
    run: ({ rooflineBound }) => rooflineBound(0.5, 0.5),
    expect: "compute",
  },
  "roofline: a negative intensity is a RangeError": {
    run: ({ rooflineBound }) => rooflineBound(-1, 0.5),
    compare: throws("RangeError", /-1/),
  },
  "roofline: a NaN ridge is a RangeError": {
    run: ({ rooflineBound }) => rooflineBound(1, NaN),
    compare: throws("RangeError", /NaN/),
  },
  "roofline: a negative ridge is a RangeError": {
    run: ({ rooflineBound }) => rooflineBound(1, -2),
    compare: throws("RangeError", /-2/),
  },
  "roofline: a ridge of 0 makes every intensity compute-bound": {
    run: ({ rooflineBound }) => [rooflineBound(0, 0), rooflineBound(3, 0)],
    expect: ["compute", "compute"],
  },
  "Linear(784, 128) row: bytes, intensity, GFLOP/s; compute-bound on a low ridge": {
    run: ({ profileRow }) => profileRow(linear, { ridge: 0.06 }),
    expect: {
      name: "0:Linear(784, 128)",
      outputShape: [1, 128],
      parameters: 100480,
      flops: 200832,
      bytes: 401920 + 512,
      movedBytes: 401920 + 3136 + 512,
      medianMs: 0.25,
      gflops: 200832 / 0.25e6,
      intensity: 200832 / 405568,
      bound: "compute",
    },
    compare: close,
  },
  "the same row is memory-bound on a machine whose ridge is 2 FLOP/byte": {
    run: ({ profileRow }) => profileRow(linear, { ridge: 2 }).bound,
    expect: "memory",
  },
  "ReLU row: 1 FLOP per 8 bytes moved": {
    run: ({ profileRow }) => profileRow(relu, { ridge: 0.5 }),
    expect: {
      parameters: 0,
      bytes: 16384,
      movedBytes: 32768,
      gflops: 4096 / 4000,
      intensity: 0.125,
      bound: "memory",
    },
    compare: close,
  },
  "no FLOPs and nothing moved: 0 GFLOP/s, intensity 0": {
    run: ({ profileRow }) =>
      profileRow({ ...relu, flops: 0, inputBytes: 0, outputBytes: 0, medianMs: 0 }, { ridge: 0.1 }),
    expect: { gflops: 0, intensity: 0, bound: "memory" },
  },
  "a time below the timer's resolution gives Infinity GFLOP/s": {
    run: ({ profileRow }) => profileRow({ ...relu, medianMs: 0 }, { ridge: 0.1 }).gflops,
    expect: Infinity,
  },
});
