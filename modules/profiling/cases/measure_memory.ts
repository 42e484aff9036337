import { defineCases, throws } from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { bare, dense, f32, FakeTensor, int8, mlp, quantizedWeight } from "./_mocks.ts";

export default defineCases<Api>("profiling.3", {
  "Linear(784, 128) in float32 on [1,784]": {
    run: ({ measureMemory, Linear, zeros }) =>
      measureMemory(new Linear(784, 128, { seed: 0 }), zeros([1, 784])),
    expect: {
      parameterBytes: 401920,
      activationBytes: 512,
      peakBytes: 401920 + 3136 + 512,
      layers: [{
        outputShape: [1, 128],
        parameterBytes: 401920,
        inputBytes: 3136,
        outputBytes: 512,
      }],
    },
  },
  "the MLP on [32,784]: every output counted, peak at the first layer": {
    run: (api) => api.measureMemory(mlp(api), api.zeros([32, 784])),
    expect: {
      parameterBytes: 109386 * 4,
      activationBytes: 2 * 32 * 128 * 4 + 2 * 32 * 64 * 4 + 32 * 10 * 4,
      peakBytes: 109386 * 4 + 32 * 784 * 4 + 32 * 128 * 4,
      layers: [
        { outputShape: [32, 128], outputBytes: 16384, liveBytes: 437544 + 100352 + 16384 },
        { outputShape: [32, 128], outputBytes: 16384, liveBytes: 437544 + 32768 },
        { outputShape: [32, 64], outputBytes: 8192, liveBytes: 437544 + 16384 + 8192 },
        { outputShape: [32, 64], outputBytes: 8192, liveBytes: 437544 + 16384 },
        { outputShape: [32, 10], outputBytes: 1280, liveBytes: 437544 + 8192 + 1280 },
      ],
    },
  },
  "protocol layers: bytes come from nbytes, int8 output is 1 byte per value": {
    run: ({ measureMemory }) => {
      const toInt8 = { forward: (x: FakeTensor) => int8([...x.shape]) };
      return measureMemory({ layers: [dense(6, 4), toInt8] }, f32([5, 6]));
    },
    expect: {
      parameterBytes: (4 * 6 + 4) * 4,
      activationBytes: 5 * 4 * 4 + 5 * 4,
      peakBytes: 112 + 120 + 80,
      layers: [
        { name: "0:Dense(6, 4)", parameterBytes: 112, inputBytes: 120, outputBytes: 80 },
        { parameterBytes: 0, inputBytes: 80, outputBytes: 20, liveBytes: 112 + 100 },
      ],
    },
  },
  "a quantized weight's bytes include its scales and zero points": {
    run: ({ measureMemory }) => {
      const w = quantizedWeight(8, 4);
      const layer = { parameters: () => [w], forward: () => f32([1, 8]) };
      return measureMemory(layer, f32([1, 4]));
    },
    expect: { parameterBytes: 32 + 8 * 4 + 8 * 4, activationBytes: 32, peakBytes: 96 + 16 + 32 },
  },
  "a weight shared by two layers is stored once": {
    run: ({ measureMemory }) => {
      const shared = f32([4, 4]);
      const tied = () => ({ parameters: () => [shared], forward: () => f32([1, 4]) });
      return measureMemory({ layers: [tied(), tied()] }, f32([1, 4]));
    },
    expect: { parameterBytes: 64, activationBytes: 32, peakBytes: 64 + 32 },
  },
  "an asynchronous forward is awaited": {
    run: ({ measureMemory }) => {
      const slow = { forward: (x: FakeTensor) => Promise.resolve(f32([x.shape[0], 3])) };
      return measureMemory({ layers: [slow, bare()] }, f32([2, 5]));
    },
    expect: {
      parameterBytes: 0,
      activationBytes: 24 + 24,
      peakBytes: 40 + 24,
      layers: [{ outputShape: [2, 3] }, { outputShape: [2, 3] }],
    },
  },
  "a forward that returns no tensor: TypeError": {
    run: ({ measureMemory }) => measureMemory({ forward: () => 3 }, f32([1, 2])),
    compare: throws("TypeError", /number/),
  },
  "a forward deep in the model that returns no tensor: TypeError naming that layer": {
    run: ({ measureMemory }) =>
      measureMemory(
        { layers: [bare(), { forward: () => 3, toString: () => "Odd()" }] } as never,
        f32([1, 2]),
      ),
    compare: throws("TypeError", /Odd\(\).*number/),
  },
  "an input that is not a tensor: TypeError naming the input": {
    run: ({ measureMemory }) => measureMemory(bare(), 5 as never),
    compare: throws("TypeError", /input.*number/),
  },
  "not a model: TypeError": {
    run: ({ measureMemory }) => measureMemory({ layers: [null] } as never, f32([1, 2])),
    compare: throws("TypeError", /null/),
  },
  "not a model: the TypeError says memory was being measured": {
    run: ({ measureMemory }) => measureMemory({ layers: [null] } as never, f32([1, 2])),
    compare: throws("TypeError", /memory/),
  },
  "a model without layers: the peak is the input": {
    run: ({ measureMemory }) => measureMemory({ layers: [] }, f32([2, 3])),
    expect: { parameterBytes: 0, activationBytes: 0, peakBytes: 24, layers: [] },
  },
  "an identity or a view allocates nothing: its output is not counted again": {
    run: ({ measureMemory }) => {
      const identity = { forward: (x: FakeTensor) => x };
      const view = {
        forward: (x: FakeTensor) => new FakeTensor(x.data, [x.shape[0] * x.shape[1]]),
      };
      return measureMemory({ layers: [dense(6, 4), identity, view] }, f32([5, 6]));
    },
    expect: {
      parameterBytes: 112,
      activationBytes: 80,
      peakBytes: 112 + 120 + 80,
      layers: [{ outputBytes: 80 }, { outputBytes: 0, liveBytes: 112 + 80 }, { outputBytes: 0 }],
    },
  },
});
