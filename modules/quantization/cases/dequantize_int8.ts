import { allClose, custom, defineCases, exact, randomValues } from "@tinytorch/course";
import { type Api, int8 } from "./api.ts";

/** Passes when every element came back within scale/2 (plus float32 rounding). */
const withinHalfStep = custom("within scale/2", (got) => {
  const { x, back, halfStep } = got as { x: number[]; back: number[]; halfStep: number[] };
  if (!Array.isArray(x) || !Array.isArray(back) || back.length !== x.length) {
    return `expected ${x?.length} values back, got ${JSON.stringify(back)?.slice(0, 80)}`;
  }
  for (let i = 0; i < x.length; i++) {
    const bound = halfStep[halfStep.length === 1 ? 0 : i] * (1 + 1e-6) + 1e-7 * Math.abs(x[i]);
    const error = Math.abs(back[i] - x[i]);
    if (!(error <= bound)) {
      return `element ${i}: ${x[i]} came back as ${back[i]}, error ${error} > ${bound}`;
    }
  }
  return null;
});

function roundTrip(api: Api, values: number[], options: Parameters<Api["quantizeInt8"]>[1] = {}) {
  const q = api.quantizeInt8(api.tensor(values), options);
  const back = Array.from(api.dequantizeInt8(q).data);
  return {
    x: Array.from(Float32Array.from(values)),
    back,
    halfStep: Array.from(q.scale, (s) => s / 2),
  };
}

export default defineCases<Api>("quantization.4", {
  "(q - zeroPoint) * scale, per tensor": {
    run: ({ Tensor, QuantizedTensor, dequantizeInt8 }) =>
      dequantizeInt8(
        new QuantizedTensor({
          values: new Tensor(Int8Array.of(-128, 0, 127, -1), [2, 2]),
          scale: Float32Array.of(0.5),
          zeroPoint: Int32Array.of(-128),
          axis: null,
          scheme: "asymmetric",
          bits: 8,
        }),
      ),
    expect: { dtype: "float32", shape: [2, 2], data: Float32Array.of(0, 64, 127.5, 63.5) },
    compare: exact(),
  },
  "per channel: each row with its own scale and zero point": {
    run: ({ Tensor, QuantizedTensor, dequantizeInt8 }) =>
      dequantizeInt8(
        new QuantizedTensor({
          values: new Tensor(Int8Array.of(1, 2, 3, 1, 2, 3), [2, 3]),
          scale: Float32Array.of(1, 0.25),
          zeroPoint: Int32Array.of(0, 2),
          axis: 0,
          scheme: "asymmetric",
          bits: 8,
        }),
      ).toArray(),
    expect: [[1, 2, 3], [-0.25, 0, 0.25]],
  },
  "per channel along the last axis": {
    run: ({ Tensor, QuantizedTensor, dequantizeInt8 }) =>
      dequantizeInt8(
        new QuantizedTensor({
          values: new Tensor(Int8Array.of(4, 4, -4, -4), [2, 2]),
          scale: Float32Array.of(0.5, 2),
          zeroPoint: Int32Array.of(0, 0),
          axis: 1,
          scheme: "symmetric",
          bits: 8,
        }),
      ).toArray(),
    expect: [[2, 8], [-2, -8]],
  },
  "a constant tensor comes back exactly": {
    run: (api) => [[2, 2, 2], [-0.3, -0.3], [1e-20, 1e-20]].map((v) => roundTrip(api, v).back),
    expect: [[2, 2, 2], [-0.3, -0.3], [1e-20, 1e-20]].map((v) => Array.from(Float32Array.from(v))),
  },
  "zeros come back as exact zeros": {
    run: (
      api,
    ) => [roundTrip(api, [0, 0, 0]).back, roundTrip(api, [0, 0], { scheme: "symmetric" }).back],
    expect: [[0, 0, 0], [0, 0]],
  },
  "all-positive [1..6] comes back within scale/2": {
    run: (api) => roundTrip(api, [1, 2, 3, 4, 5, 6]),
    compare: withinHalfStep,
  },
  "all-negative data comes back within scale/2": {
    run: (api) => roundTrip(api, [-6, -5, -4.5, -3, -2, -1]),
    compare: withinHalfStep,
  },
  "random data, both schemes and 4 bits, within scale/2": {
    run: (api) => {
      const values = randomValues(257, { seed: 15, min: -3, max: 5 });
      return [
        roundTrip(api, values),
        roundTrip(api, values, { scheme: "symmetric" }),
        roundTrip(api, values, { bits: 4 }),
      ];
    },
    compare: custom("each within scale/2", (got, want) => {
      for (const one of got as unknown[]) {
        const problem = withinHalfStep.check(one as never, want);
        if (problem) return problem;
      }
      return (got as unknown[]).length === 3 ? null : "expected three round trips";
    }),
  },
  "the result is float32 of the original shape": {
    run: ({ tensor, quantizeInt8, dequantizeInt8 }) => {
      const t = dequantizeInt8(quantizeInt8(tensor([[1, 2], [3, 4], [5, 6]]), { axis: 0 }));
      return { dtype: t.dtype, shape: t.shape, float32: t.data instanceof Float32Array };
    },
    expect: { dtype: "float32", shape: [3, 2], float32: true },
  },
  "a worked example: [-1.5, 0.2, 2.8]": {
    run: ({ tensor, quantizeInt8, dequantizeInt8 }) => {
      const q = quantizeInt8(tensor([-1.5, 0.2, 2.8]));
      return { q: q.values, back: dequantizeInt8(q).data };
    },
    expect: {
      q: int8([-128, -27, 127]),
      back: [-1.5007842779159546, 0.20235294103622437, 2.79921555519104],
    },
    compare: allClose({ rtol: 1e-6, atol: 0 }),
  },
});
