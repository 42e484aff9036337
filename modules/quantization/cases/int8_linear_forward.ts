import {
  allClose,
  chunk,
  custom,
  defineCases,
  exact,
  type Observation,
  randomValues,
  throws,
} from "@tinytorch/course";
import { add, multiply, transpose } from "mathjs";
import type { KernelName } from "../mod.ts";
import type { Api } from "./api.ts";

/**
 * A given Wasm kernel when the engine has one, so these cases test task 7 alone (the scalar
 * kernel runs the learner's task 6).
 */
function given(api: Api): "dot16" | "scalar" {
  return api.availableKernels().includes("dot16") ? "dot16" : "scalar";
}

// Hand-computed: W = [[1, 2], [3, -4]] (int8), x quantized with s_in = 0.5.
function parts(api: Api, input: { scale: number; zeroPoint: number; qmin: number; qmax: number }) {
  return {
    kernel: api.createInt8Linear(Int8Array.of(1, 2, 3, -4), [2, 2], { kernel: given(api) }),
    input,
    weightScale: Float32Array.of(0.25, 1),
    bias: Int32Array.of(4, -2),
    rowSums: null,
  };
}
const unsigned = { scale: 0.5, zeroPoint: 0, qmin: 0, qmax: 127 };
const signed = { scale: 0.5, zeroPoint: -10, qmin: -128, qmax: 127 };

// A random 24→10 layer and inputs in [0, 1), for the comparison with float32 (oracle: mathjs).
const W = chunk(randomValues(240, { seed: 3, min: -0.5, max: 0.5 }), 24);
const b = randomValues(10, { seed: 4, min: -0.1, max: 0.1 });
const X = chunk(randomValues(5 * 24, { seed: 5, min: 0, max: 1 }), 24);

function randomLayer(api: Api, kernel: KernelName) {
  const fp32 = new api.Linear(24, 10);
  fp32.weight = api.tensor(W);
  fp32.bias = api.tensor(b);
  return api.QuantizedLinear.fromLinear(fp32, { inputRange: { min: 0, max: 1 }, kernel });
}

const within1Percent = custom("relative RMS error ≤ 1%", (got, want) => {
  const g = (got as number[][]).flat();
  const w = (want as number[][]).flat();
  if (g.length !== w.length) return `expected ${w.length} outputs, got ${g.length}`;
  const num = Math.hypot(...g.map((v, i) => v - w[i]));
  const error = num / Math.hypot(...w);
  return error <= 0.01 ? null : `relative RMS error ${error.toFixed(5)} > 0.01`;
});

export default defineCases<Api>("quantization.7", {
  "unsigned inputs: quantize, multiply, add the bias, rescale": {
    // xq = [2, round(4.5) = 4]; acc = [10, -10]; y = [(10+4)·0.5·0.25, (-10-2)·0.5·1]
    run: (api) => api.int8LinearForward(Float32Array.of(1, 2.25), 1, parts(api, unsigned)),
    expect: Float32Array.of(1.75, -6),
    compare: exact(),
  },
  "inputs above the calibrated range saturate at 127": {
    // xq = [127, 0]; acc = [127, 381]; y = [(127+4)·0.125, (381-2)·0.5]
    run: (api) => api.int8LinearForward(Float32Array.of(100, -3), 1, parts(api, unsigned)),
    expect: Float32Array.of(16.375, 189.5),
  },
  "signed inputs: the zero point is corrected with the row sums": {
    // xq = [-12, -4]; acc = [-20, -20]; corrections -(-10)·[3, -1] = [30, -10]
    run: (api) =>
      api.int8LinearForward(Float32Array.of(-1, 3), 1, {
        ...parts(api, signed),
        weightScale: Float32Array.of(1),
        bias: null,
        rowSums: Int32Array.of(3, -1),
      }),
    expect: Float32Array.of(5, -15),
  },
  "signed inputs with a bias: the correction and the bias both apply": {
    // xq = [-12, -4]; acc = [-20, -20]; offsets [4, -2] - (-10)·[3, -1] = [34, -12]; · 0.5 · 1
    run: (api) =>
      api.int8LinearForward(Float32Array.of(-1, 3), 1, {
        ...parts(api, signed),
        weightScale: Float32Array.of(1),
        rowSums: Int32Array.of(3, -1),
      }),
    expect: Float32Array.of(7, -16),
  },
  "a batch of three rows, per-tensor weight scale": {
    run: (api) =>
      api.int8LinearForward(Float32Array.of(1, 0, 0, 1, 2, 2), 3, {
        ...parts(api, unsigned),
        weightScale: Float32Array.of(2),
        bias: null,
      }),
    // xq rows [2,0], [0,2], [4,4]; acc [2,6], [4,-8], [12,-4]; y = acc · 0.5 · 2
    expect: Float32Array.of(2, 6, 4, -8, 12, -4),
  },
  "QuantizedLinear.forwardInt8 is within 1% of float32 (the best kernel here)": {
    run: (api) => randomLayer(api, api.bestKernel()).forwardInt8(api.tensor(X)).toArray(),
    expect: () => add(multiply(X, transpose(W)), X.map(() => b)),
    compare: within1Percent,
  },
  "QuantizedLinear.forwardInt8 is within 1% of float32 (dot16 kernel, or scalar)": {
    run: (api) => randomLayer(api, given(api)).forwardInt8(api.tensor(X)).toArray(),
    expect: () => add(multiply(X, transpose(W)), X.map(() => b)),
    compare: within1Percent,
  },
  "forward takes the integer path once calibrated": {
    run: (api) => {
      const layer = randomLayer(api, given(api));
      const x = api.tensor(X);
      return { forward: layer.forward(x).toArray(), int8: layer.forwardInt8(x).toArray() };
    },
    expect: () => add(multiply(X, transpose(W)), X.map(() => b)),
    compare: custom("forward equals forwardInt8, within 1% of float32", (got, want) => {
      const { forward, int8 } = got as { forward: Observation; int8: Observation };
      if (JSON.stringify(forward) !== JSON.stringify(int8)) {
        return "forward differs from forwardInt8";
      }
      return within1Percent.check(forward, want);
    }),
  },
  "1-D input gives a 1-D output": {
    run: (api) => randomLayer(api, given(api)).forwardInt8(api.tensor(X[0])).shape,
    expect: [10],
    compare: allClose(),
  },
  "a NaN input is a RangeError naming its index, not a silent zero": {
    run: (api) => {
      const x = api.tensor(X);
      x.data[30] = NaN;
      return randomLayer(api, given(api)).forwardInt8(x);
    },
    compare: throws("RangeError", "element 30 is NaN"),
  },
});
