import { defineCases, throws } from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { dense, f32, int8, mlp, quantizedWeight } from "./_mocks.ts";

export default defineCases<Api>("profiling.1", {
  "Linear(128, 64) has 128·64 + 64 = 8256": {
    run: ({ countParameters, Linear }) => countParameters(new Linear(128, 64, { seed: 0 })),
    expect: 8256,
  },
  "Linear(10, 5) has 55": {
    run: ({ countParameters, Linear }) => countParameters(new Linear(10, 5, { seed: 0 })),
    expect: 55,
  },
  "the 784→128→ReLU→64→ReLU→10 MLP has 109,386": {
    run: (api) => api.countParameters(mlp(api)),
    expect: 100480 + 8256 + 650,
  },
  "anything with parameters() counts the sizes it returns": {
    run: ({ countParameters }) => countParameters({ parameters: () => [f32([10, 5]), f32([5])] }),
    expect: 55,
  },
  "a layer without parameters has 0": {
    run: ({ countParameters }) => countParameters({ parameters: () => [] }),
    expect: 0,
  },
  "a container without parameters() sums its layers recursively": {
    run: ({ countParameters }) =>
      countParameters({
        layers: [dense(3, 4), { layers: [dense(4, 2), { parameters: () => [] }] }],
      }),
    expect: 3 * 4 + 4 + 4 * 2 + 2,
  },
  "a weight shared by two layers is counted once": {
    run: ({ countParameters }) => {
      const shared = f32([4, 4]);
      return countParameters({
        layers: [{ parameters: () => [shared] }, { parameters: () => [shared, f32([4])] }],
      });
    },
    expect: 20,
  },
  "a quantized weight counts its values, scales and zero points": {
    run: ({ countParameters }) =>
      countParameters({ parameters: () => [quantizedWeight(8, 4), int8([8])] }),
    expect: 32 + 8 + 8 + 8,
  },
  "a Tensor is not a model: TypeError naming it, with no layer position at the top": {
    run: ({ countParameters, zeros }) => countParameters(zeros([2, 2])),
    compare: throws("TypeError", /^(?!.*\blayer ).*Tensor/),
  },
  "null is not a model: TypeError": {
    run: ({ countParameters }) => countParameters(null),
    compare: throws("TypeError", /null/),
  },
  "a number is not a model: TypeError": {
    run: ({ countParameters }) => countParameters(42),
    compare: throws("TypeError", /number/),
  },
  "a container holding a non-layer: TypeError naming it": {
    run: ({ countParameters }) => countParameters({ layers: [dense(2, 2), "relu"] }),
    compare: throws("TypeError", /string/),
  },
  "a non-layer deep in a container: TypeError naming it and its position (layer 1.0)": {
    run: ({ countParameters }) =>
      countParameters({ layers: [dense(2, 2), { layers: ["relu", dense(2, 2)] }] }),
    compare: throws("TypeError", /string.*layer 1\.0\b/),
  },
});
