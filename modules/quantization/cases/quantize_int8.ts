import { allClose, defineCases, exact } from "@tinytorch/course";
import { type Api, int8, parts } from "./api.ts";

// Expected integers derived by hand from the formulas and checked with NumPy (np.round is
// half-to-even): q = clamp(round(x / scale) + zeroPoint, qmin, qmax).
const s6 = Math.fround(6 / 255);

export default defineCases<Api>("quantization.3", {
  "all-positive [1..6]: the top is not saturated": {
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([1, 2, 3, 4, 5, 6]))),
    expect: {
      values: int8([-86, -43, -1, 42, 84, 127]),
      scale: Float32Array.of(s6),
      zeroPoint: Int32Array.of(-128),
    },
    compare: exact(),
  },
  "all-negative [-6..-1]: the bottom is not saturated": {
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([-6, -5, -4, -3, -2, -1]))),
    expect: {
      values: int8([-128, -85, -43, 0, 42, 85]),
      scale: Float32Array.of(s6),
      zeroPoint: Int32Array.of(127),
    },
  },
  "mixed signs keep their shape": {
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([[-1, 0, 2], [0.5, 1.5, -0.5]]))),
    expect: {
      values: int8([-128, -43, 127, -1, 84, -85], [2, 3]),
      zeroPoint: Int32Array.of(-43),
    },
  },
  "rounding inside quantize is half-to-even (scale exactly 1)": {
    run: ({ tensor, quantizeInt8 }) =>
      quantizeInt8(tensor([127, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5]), { scheme: "symmetric" }).values,
    expect: int8([127, 0, 2, 2, 0, -2, -2]),
  },
  "symmetric: zero point 0 and -127..127": {
    run: ({ tensor, quantizeInt8 }) =>
      parts(quantizeInt8(tensor([-1, 0, 2]), { scheme: "symmetric" })),
    expect: { values: int8([-64, 0, 127]), zeroPoint: Int32Array.of(0) },
  },
  "a constant tensor is stored as ±1 times |c|": {
    run: ({ tensor, quantizeInt8 }) => [
      parts(quantizeInt8(tensor([2, 2, 2]))),
      parts(quantizeInt8(tensor([-0.3, -0.3]), { scheme: "symmetric" })),
    ],
    expect: [
      { values: int8([1, 1, 1]), scale: Float32Array.of(2), zeroPoint: Int32Array.of(0) },
      { values: int8([-1, -1]), scale: Float32Array.of(0.3), zeroPoint: Int32Array.of(0) },
    ],
  },
  "per channel: each row its own scale, an all-zero row gets scale 1": {
    run: ({ tensor, quantizeInt8 }) =>
      parts(quantizeInt8(tensor([[0, 0, 0], [-1, 0, 2]]), { scheme: "symmetric", axis: 0 })),
    expect: {
      values: int8([0, 0, 0, -64, 0, 127], [2, 3]),
      scale: Float32Array.of(1, Math.fround(2 / 127)),
      zeroPoint: Int32Array.of(0, 0),
    },
  },
  "per channel along the last axis (axis -1)": {
    run: ({ tensor, quantizeInt8 }) =>
      parts(quantizeInt8(tensor([[1, -4], [-1, 2]]), { scheme: "symmetric", axis: -1 })),
    expect: {
      values: int8([127, -127, -127, 64], [2, 2]),
      scale: Float32Array.of(Math.fround(1 / 127), Math.fround(4 / 127)),
    },
  },
  "a calibrated range clips what lies outside it": {
    run: ({ tensor, quantizeInt8 }) =>
      quantizeInt8(tensor([-5, 0, 1, 10]), { scheme: "symmetric", range: { min: -1, max: 1 } })
        .values,
    expect: int8([-127, 0, 127, 127]),
  },
  "4-bit asymmetric values stay in [-8, 7]": {
    run: ({ tensor, quantizeInt8 }) =>
      parts(quantizeInt8(tensor([0.1, -0.3, 0.7, 1.0]), { bits: 4 })),
    expect: {
      values: int8([-4, -8, 3, 7]),
      scale: Float32Array.of(Math.fround(1.3 / 15)),
      zeroPoint: Int32Array.of(-5),
    },
    compare: allClose({ rtol: 1e-7, atol: 0 }),
  },
  "2-bit symmetric has only -1, 0 and 1": {
    run: ({ tensor, quantizeInt8 }) =>
      quantizeInt8(tensor([0.1, -0.3, 0.7, 1.0]), { scheme: "symmetric", bits: 2 }).values,
    expect: int8([0, 0, 1, 1]),
  },
  "storage is one byte per value plus 8 bytes per channel": {
    run: ({ zeros, quantizeInt8 }) => {
      const q = quantizeInt8(zeros([4, 5]), { axis: 0 });
      return { nbytes: q.nbytes, int8Array: q.values.data instanceof Int8Array, size: q.size };
    },
    expect: { nbytes: 20 + 4 * 8, int8Array: true, size: 20 },
  },
});
