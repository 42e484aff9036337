import { allClose, custom, defineCases, exact, randomValues } from "@tinytorch/course";
import { type Api, int8 } from "./api.ts";

/** The trusted side of a round trip: the values and scale/2 from the formulas (not the code under test). */
interface Bound {
  x: number[];
  halfStep: number;
}

/** scale/2 of per-tensor quantization, from the spec's formulas in plain math. */
function bound(values: number[], options: { scheme?: "symmetric"; bits?: number } = {}): Bound {
  const x = Array.from(Float32Array.from(values));
  const bits = options.bits ?? 8;
  const lo = Math.min(0, ...x), hi = Math.max(0, ...x);
  const scale = options.scheme === "symmetric"
    ? Math.fround(Math.max(-lo, hi) / (2 ** (bits - 1) - 1))
    : Math.fround((hi - lo) / (2 ** bits - 1));
  return { x, halfStep: scale / 2 };
}

/**
 * Passes when every element came back within scale/2 (plus float32 rounding) and on the grid:
 * `(q − zeroPoint)·scale` is a whole number of steps, so the input echoed back fails.
 */
function withinHalfStep(back: unknown, want: Bound): string | null {
  const { x, halfStep } = want;
  if (!Array.isArray(back) || back.length !== x.length) {
    return `expected ${x.length} values back, got ${JSON.stringify(back)?.slice(0, 80)}`;
  }
  const limit = halfStep * (1 + 1e-6);
  for (let i = 0; i < x.length; i++) {
    const error = Math.abs(back[i] - x[i]);
    if (!(error <= limit + 1e-7 * Math.abs(x[i]))) {
      return `element ${i}: ${x[i]} came back as ${
        back[i]
      }, error ${error} > scale/2 = ${halfStep}`;
    }
    const steps = back[i] / (2 * halfStep);
    if (!(Math.abs(steps - Math.round(steps)) <= 1e-3)) {
      return `element ${i}: ${back[i]} is ${steps} steps of ${
        2 * halfStep
      }, not a whole number: it was not quantized`;
    }
  }
  return null;
}

const roundTripCheck = custom("within scale/2", (got, want) => {
  const many = Array.isArray(want);
  const gots = (many ? got : [got]) as unknown[];
  const wants = (many ? want : [want]) as unknown as Bound[];
  if (!Array.isArray(gots) || gots.length !== wants.length) {
    return `expected ${wants.length} round trips`;
  }
  for (let i = 0; i < wants.length; i++) {
    const problem = withinHalfStep(gots[i], wants[i]);
    if (problem) return many ? `round trip ${i}: ${problem}` : problem;
  }
  return null;
});

function roundTrip(api: Api, values: number[], options: Parameters<Api["quantizeInt8"]>[1] = {}) {
  return Array.from(api.dequantizeInt8(api.quantizeInt8(api.tensor(values), options)).data);
}

const RANDOM = randomValues(257, { seed: 15, min: -3, max: 5 });

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
  "per channel along the first axis and the middle axis of a [2,3,2] tensor, each channel with its own scale and zero point":
    {
      run: ({ Tensor, QuantizedTensor, dequantizeInt8 }) => [
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
        // The middle axis has data on both sides: channel c = floor(i / 2) % 3 of the flat index
        // i, so (q - 0) · 1, (q - 4) · 0.5, (q + 2) · 2.
        dequantizeInt8(
          new QuantizedTensor({
            values: new Tensor(Int8Array.of(1, -2, 12, 13, -8, -13, 3, 5, 6, 11, -5, 0), [2, 3, 2]),
            scale: Float32Array.of(1, 0.5, 2),
            zeroPoint: Int32Array.of(0, 4, -2),
            axis: 1,
            scheme: "asymmetric",
            bits: 8,
          }),
        ).toArray(),
      ],
      expect: [
        [[1, 2, 3], [-0.25, 0, 0.25]],
        [[[1, -2], [4, 4.5], [-12, -22]], [[3, 5], [1, 3.5], [-6, 4]]],
      ],
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
    run: (api) => [[2, 2, 2], [-0.3, -0.3], [1e-20, 1e-20]].map((v) => roundTrip(api, v)),
    expect: [[2, 2, 2], [-0.3, -0.3], [1e-20, 1e-20]].map((v) => Array.from(Float32Array.from(v))),
  },
  "zeros come back as exact zeros": {
    run: (
      api,
    ) => [roundTrip(api, [0, 0, 0]), roundTrip(api, [0, 0], { scheme: "symmetric" })],
    expect: [[0, 0, 0], [0, 0]],
  },
  "all-positive [1..6] comes back within scale/2": {
    run: (api) => roundTrip(api, [1, 2, 3, 4, 5, 6]),
    expect: () => bound([1, 2, 3, 4, 5, 6]),
    compare: roundTripCheck,
  },
  "all-negative data comes back within scale/2": {
    run: (api) => roundTrip(api, [-6, -5, -4.5, -3, -2, -1]),
    expect: () => bound([-6, -5, -4.5, -3, -2, -1]),
    compare: roundTripCheck,
  },
  "random data, both schemes and 4 bits, within scale/2": {
    run: (api) => [
      roundTrip(api, RANDOM),
      roundTrip(api, RANDOM, { scheme: "symmetric" }),
      roundTrip(api, RANDOM, { bits: 4 }),
    ],
    expect:
      () => [bound(RANDOM), bound(RANDOM, { scheme: "symmetric" }), bound(RANDOM, { bits: 4 })],
    compare: roundTripCheck,
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
