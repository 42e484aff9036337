/**
 * Hidden cases of the profiling module: other models, batch sizes and samples than the visible
 * ones. Expectations come from the reference implementation (computed by the grader).
 *
 * @module
 */
import { allClose, defineCases, exact, randomValues, throws } from "@tinytorch/course";
import type { Api } from "../../../modules/profiling/cases/mod.ts";

function model({ Linear, ReLU, Sequential, Flatten }: Api) {
  return new Sequential(
    new Flatten(),
    new Linear(20, 12, { seed: 1201 }),
    new ReLU(),
    new Linear(12, 3, { seed: 1202 }),
  );
}

export default [
  defineCases<Api>("profiling.1", {
    "parameters of Flatten → Linear(20, 12) → ReLU → Linear(12, 3)": {
      run: (api) => api.countParameters(model(api)),
      expect: "reference",
      compare: exact(),
    },
    "a nested Sequential counts every layer once": {
      run: (api) => api.countParameters(new api.Sequential(model(api), new api.Linear(3, 2))),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("profiling.2", {
    "FLOPs layer by layer at batch 8 on [8,4,5]": {
      run: (api) => api.countFlops(model(api), [8, 4, 5]),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("profiling.3", {
    "memory of the model on a [6,4,5] batch": {
      run: (api) => api.measureMemory(model(api), api.zeros([6, 4, 5])),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("profiling.4", {
    "statistics of 37 seeded samples": {
      run: ({ latencyStats }) => latencyStats(randomValues(37, { seed: 1203, min: 0.2, max: 9 })),
      expect: "reference",
      compare: allClose({ rtol: 1e-9, atol: 1e-12 }),
    },
    "one sample": {
      run: ({ latencyStats }) => latencyStats([2.5]),
      expect: "reference",
      compare: allClose({ rtol: 1e-12, atol: 0, equalNan: true }),
    },
    "no samples is a RangeError": {
      run: ({ latencyStats }) => latencyStats([]),
      compare: throws("RangeError"),
    },
  }),
  defineCases<Api>("profiling.5", {
    "roofline verdicts around a ridge of 3": {
      run: ({ rooflineBound }) => [0.1, 2.999, 3, 3.001, 50].map((i) => rooflineBound(i, 3)),
      expect: "reference",
      compare: exact(),
    },
  }),
];
