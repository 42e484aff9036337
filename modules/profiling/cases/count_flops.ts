import { defineCases, throws } from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { bare, dense, flattenWithoutFlops, mlp } from "./_mocks.ts";

const linearOne = 2 * 784 * 128 + 128; // 200,832

export default defineCases<Api>("profiling.2", {
  "Linear(784, 128) on [1,784]: 2·784·128 multiply-add FLOPs + 128 bias adds": {
    run: ({ countFlops, Linear }) => countFlops(new Linear(784, 128, { seed: 0 }), [1, 784]).total,
    expect: linearOne,
  },
  "Linear(784, 128) on [32,784] costs 32 times as much": {
    run: ({ countFlops, Linear }) => countFlops(new Linear(784, 128, { seed: 0 }), [32, 784]).total,
    expect: 32 * linearOne,
  },
  "the MLP on [1,784], layer by layer with shapes": {
    run: (api) => api.countFlops(mlp(api), [1, 784]),
    expect: {
      total: linearOne + 128 + (2 * 128 * 64 + 64) + 64 + (2 * 64 * 10 + 10),
      layers: [
        { inputShape: [1, 784], outputShape: [1, 128], flops: linearOne },
        { inputShape: [1, 128], outputShape: [1, 128], flops: 128 },
        { inputShape: [1, 128], outputShape: [1, 64], flops: 16448 },
        { inputShape: [1, 64], outputShape: [1, 64], flops: 64 },
        { inputShape: [1, 64], outputShape: [1, 10], flops: 1290 },
      ],
    },
  },
  "protocol layers: flops() is used, a bare layer costs 1 per element": {
    run: ({ countFlops }) => countFlops({ layers: [dense(6, 4), bare(), dense(4, 2)] }, [5, 6]),
    expect: {
      total: (2 * 5 * 6 * 4 + 5 * 4) + 5 * 4 + (2 * 5 * 4 * 2 + 5 * 2),
      layers: [
        { name: "0:Dense(6, 4)", inputShape: [5, 6], outputShape: [5, 4], flops: 260 },
        { name: "1:Bare()", inputShape: [5, 4], outputShape: [5, 4], flops: 20 },
        { name: "2:Dense(4, 2)", inputShape: [5, 4], outputShape: [5, 2], flops: 90 },
      ],
    },
  },
  "nested containers are expanded in execution order": {
    run: ({ countFlops }) =>
      countFlops({ layers: [{ layers: [dense(3, 3)] }, bare()] }, [2, 3]).layers.map((l) => l.name),
    expect: ["0.0:Dense(3, 3)", "1:Bare()"],
  },
  "a batch of 0 costs 0 FLOPs": {
    run: ({ countFlops }) => countFlops({ layers: [dense(3, 2), bare()] }, [0, 3]).total,
    expect: 0,
  },
  "a shape the model cannot take: RangeError naming the shapes": {
    run: ({ countFlops, Linear }) => countFlops(new Linear(784, 128, { seed: 0 }), [1, 100]),
    compare: throws("RangeError", /\[1,100\]/),
  },
  "a mismatch deep in the model names the shape that layer received": {
    run: ({ countFlops }) => countFlops({ layers: [dense(8, 4), dense(5, 2)] }, [2, 8]),
    compare: throws("RangeError", /\[2,4\]/),
  },
  "a mismatch deep in the model names the model's input shape and the layer, too": {
    run: ({ countFlops }) => countFlops({ layers: [dense(8, 4), dense(5, 2)] }, [2, 8]),
    compare: throws("RangeError", /^(?=.*\[2,8\])(?=.*Dense\(5, 2\))/),
  },
  "a negative dimension: RangeError": {
    run: ({ countFlops }) => countFlops(dense(3, 2), [-1, 3]),
    compare: throws("RangeError", /-1/),
  },
  "a fractional dimension: RangeError": {
    run: ({ countFlops }) => countFlops(dense(3, 2), [1.5, 3]),
    compare: throws("RangeError", /1\.5/),
  },
  "a shape-changing layer without flops(): TypeError naming it": {
    run: ({ countFlops }) => countFlops({ layers: [flattenWithoutFlops()] }, [2, 3, 4]),
    compare: throws("TypeError", /Flat\(\)/),
  },
  "not a model: TypeError": {
    run: ({ countFlops }) => countFlops(7 as never, [1, 2]),
    compare: throws("TypeError", /number/),
  },
  "not a model: the TypeError says FLOPs were being counted": {
    run: ({ countFlops }) => countFlops({ layers: [dense(2, 2), 7] } as never, [1, 2]),
    compare: throws("TypeError", /FLOPs/),
  },
  "a shape holding a string, even beside numbers: TypeError naming FLOPs": {
    run: ({ countFlops }) => countFlops(dense(3, 2), [1, "3"] as never),
    compare: throws("TypeError", /FLOPs/),
  },
});
