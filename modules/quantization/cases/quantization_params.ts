import { allClose, defineCases, exact } from "@tinytorch/course";
import type { Api } from "./api.ts";

// Hand-derived from the formulas (scales are float32, so `Math.fround` of the exact quotient).
const close = allClose({ rtol: 1e-7, atol: 0 });

export default defineCases<Api>("quantization.2", {
  "all-positive data: the range widens to include 0": {
    run: ({ quantizationParams }) => quantizationParams(1, 6),
    expect: { scale: Math.fround(6 / 255), zeroPoint: -128 },
    compare: close,
  },
  "all-negative data: the zero point sits at the top": {
    run: ({ quantizationParams }) => quantizationParams(-6, -1),
    expect: { scale: Math.fround(6 / 255), zeroPoint: 127 },
    compare: close,
  },
  "mixed signs: zero point = -128 - round(min / scale)": {
    run: ({ quantizationParams }) => quantizationParams(-1, 2),
    expect: { scale: Math.fround(3 / 255), zeroPoint: -43 },
    compare: close,
  },
  "symmetric: zero point 0, scale = max|x| / 127": {
    run: ({ quantizationParams }) => quantizationParams(-1, 2, { scheme: "symmetric" }),
    expect: { scale: Math.fround(2 / 127), zeroPoint: 0 },
    compare: close,
  },
  "4-bit asymmetric uses 15 steps and zero point -8 for [0, 3]": {
    run: ({ quantizationParams }) => quantizationParams(0, 3, { bits: 4 }),
    expect: { scale: Math.fround(0.2), zeroPoint: -8 },
    compare: close,
  },
  "4-bit symmetric divides by 7": {
    run: ({ quantizationParams }) => quantizationParams(-3, 1.5, { scheme: "symmetric", bits: 4 }),
    expect: { scale: Math.fround(3 / 7), zeroPoint: 0 },
    compare: close,
  },
  "a constant range is widened to [0, c], as ONNX Runtime does": {
    run: ({ quantizationParams }) => [
      quantizationParams(2, 2),
      quantizationParams(-3, -3, { scheme: "symmetric" }),
    ],
    expect: [
      { scale: Math.fround(2 / 255), zeroPoint: -128 },
      { scale: Math.fround(3 / 127), zeroPoint: 0 },
    ],
    compare: exact(),
  },
  "an all-zero range gets scale 1 (zero point qmin asymmetric, 0 symmetric)": {
    run: ({ quantizationParams }) => [
      quantizationParams(0, 0),
      quantizationParams(0, 0, { scheme: "symmetric", bits: 2 }),
    ],
    expect: [{ scale: 1, zeroPoint: -128 }, { scale: 1, zeroPoint: 0 }],
  },
  "the scale rounds max - min to float32 before dividing, as ONNX Runtime does": {
    // Both ends are float32 values. fround(fround(hi - lo) / 255) = 0.013977800495922565 (what
    // ONNX Runtime 1.31's DynamicQuantizeLinear returns), one ulp below
    // fround((hi - lo) / 255) = 0.01397780142724514; zero point 0 - round(lo / scale) - 128.
    run: ({ quantizationParams }) => [
      quantizationParams(-1.0279735326766968, 2.5363657474517822),
      quantizationParams(-0.6830180883407593, 0.18499156832695007),
    ],
    expect: [
      { scale: 0.013977800495922565, zeroPoint: -54 },
      { scale: 0.0034039595630019903, zeroPoint: 73 },
    ],
    compare: exact(),
  },
  "the zero point rounds half to even: -min / scale = 2.5 gives 2, not Math.round's 3": {
    // [-5, 505]: scale = fround(510 / 255) = 2; zeroPoint = -128 + roundHalfToEven(5 / 2) = -126
    run: ({ quantizationParams }) => quantizationParams(-5, 505),
    expect: { scale: 2, zeroPoint: -126 },
    compare: exact(),
  },
  "the zero point rounds half to even: min / scale = -1.5": {
    // [-3, 507]: scale = 510 / 255 = 2, zeroPoint = -128 - round(-1.5) = -128 + 2 (Math.round: +1)
    run: ({ quantizationParams }) => quantizationParams(-3, 507),
    expect: { scale: 2, zeroPoint: -126 },
    compare: exact(),
  },
});
