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
  "a constant range gets scale |c| and zero point 0": {
    run: ({ quantizationParams }) => [
      quantizationParams(2, 2),
      quantizationParams(-3, -3, { scheme: "symmetric" }),
    ],
    expect: [{ scale: 2, zeroPoint: 0 }, { scale: 3, zeroPoint: 0 }],
    compare: exact(),
  },
  "an all-zero range gets scale 1": {
    run: ({ quantizationParams }) => [
      quantizationParams(0, 0),
      quantizationParams(0, 0, { scheme: "symmetric", bits: 2 }),
    ],
    expect: [{ scale: 1, zeroPoint: 0 }, { scale: 1, zeroPoint: 0 }],
  },
  "the zero point rounds half to even: min / scale = -1.5": {
    // [-3, 507]: scale = 510 / 255 = 2, zeroPoint = -128 - round(-1.5) = -128 + 2 (Math.round: +1)
    run: ({ quantizationParams }) => quantizationParams(-3, 507),
    expect: { scale: 2, zeroPoint: -126 },
    compare: exact(),
  },
});
