import { allClose, defineCases, exact } from "@tinytorch/course";
import { type Api, int8, parts } from "./api.ts";

// Expected integers derived by hand from the formulas, q = clamp(round(fround(x / scale)) +
// zeroPoint, qmin, qmax) with round half to even and the division in float32, and checked with
// ONNX Runtime 1.31 (DynamicQuantizeLinear and QuantizeLinear, whose uint8 is our int8 + 128).
const s6 = Math.fround(6 / 255);

export default defineCases<Api>("quantization.3", {
  "all-positive [1..6]: the top is not saturated": {
    // 3 / s6 is 127.4999995 in float64 but exactly 127.5 in float32, which rounds to 128: 0.
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([1, 2, 3, 4, 5, 6]))),
    expect: {
      values: int8([-86, -43, 0, 42, 84, 127]),
      scale: Float32Array.of(s6),
      zeroPoint: Int32Array.of(-128),
    },
    compare: exact(),
  },
  "all-negative [-6..-1]: the bottom is not saturated": {
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([-6, -5, -4, -3, -2, -1]))),
    expect: {
      values: int8([-128, -85, -43, -1, 42, 85]),
      scale: Float32Array.of(s6),
      zeroPoint: Int32Array.of(127),
    },
  },
  "mixed signs keep their shape": {
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([[-1, 0, 2], [0.5, 1.5, -0.5]]))),
    expect: {
      values: int8([-128, -43, 127, -1, 85, -85], [2, 3]),
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
  "a constant tensor uses the widened range [0, c], as ONNX Runtime does": {
    run: ({ tensor, quantizeInt8 }) => [
      parts(quantizeInt8(tensor([2, 2, 2]))),
      parts(quantizeInt8(tensor([-0.3, -0.3]), { scheme: "symmetric" })),
    ],
    expect: [
      {
        values: int8([127, 127, 127]),
        scale: Float32Array.of(2 / 255),
        zeroPoint: Int32Array.of(-128),
      },
      {
        values: int8([-127, -127]),
        scale: Float32Array.of(Math.fround(0.3) / 127),
        zeroPoint: Int32Array.of(0),
      },
    ],
  },
  "ONNX's DynamicQuantizeLinear test: 0.5 quantizes to 51 (uint8 179)": {
    // test_dynamicquantizelinear: scale 3.34 ... fround(5 / 255), zero point 153 - 128 = 25;
    // 0.5 / scale = 25.4999996 in float64 (50 after the zero point) but 25.5 in float32 (51).
    run: ({ tensor, quantizeInt8 }) => parts(quantizeInt8(tensor([0, 2, -3, -2.5, 1.34, 0.5]))),
    expect: {
      values: int8([25, 127, -128, -102, 93, 51]),
      scale: Float32Array.of(5 / 255),
      zeroPoint: Int32Array.of(25),
    },
  },
  "given scale and zero point, per channel, saturating as QuantizeLinear does": {
    run: ({ tensor, quantizeInt8 }) =>
      parts(
        quantizeInt8(tensor([[-162, 10], [-100, 232], [-20, -50]]), {
          axis: 0,
          scale: [2, 4, 5],
          zeroPoint: [-44, -104, 68],
        }),
      ),
    expect: {
      values: int8([-125, -39, -128, -46, 64, 58], [3, 2]),
      scale: Float32Array.of(2, 4, 5),
      zeroPoint: Int32Array.of(-44, -104, 68),
    },
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
  "per channel along the middle axis of a [2,3,2] tensor, data on both sides": {
    // Channel c = floor(i / 2) % 3 of the flat index i. c0: x / 1; c1: x / 2 + 10; c2: x / 4 - 10.
    run: ({ tensor, quantizeInt8 }) =>
      quantizeInt8(tensor([1, -2, 4, 6, 8, -12, 3, 5, -8, 2, 20, 40], { shape: [2, 3, 2] }), {
        axis: 1,
        scale: [1, 2, 4],
        zeroPoint: [0, 10, -10],
      }).values,
    expect: int8([1, -2, 12, 13, -8, -13, 3, 5, 6, 11, -5, 0], [2, 3, 2]),
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
