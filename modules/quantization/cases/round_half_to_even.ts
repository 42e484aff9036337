import { defineCases, exact } from "@tinytorch/course";
import type { Api } from "./api.ts";

export default defineCases<Api>("quantization.1", {
  "halves go to the even neighbour": {
    run: ({ roundHalfToEven }) => [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, -3.5].map(roundHalfToEven),
    expect: [0, 2, 2, 4, -0, -2, -2, -4],
    compare: exact(),
  },
  "differs from Math.round on 2.5 and -1.5": {
    run: ({ roundHalfToEven }) => [roundHalfToEven(2.5), roundHalfToEven(-1.5)],
    expect: [2, -2],
  },
  "non-halves go to the nearest integer": {
    run: ({ roundHalfToEven }) =>
      [0.49999997, 0.50000003, 2.6, -2.6, -0.2, 7, -7].map(roundHalfToEven),
    expect: [0, 1, 3, -3, -0, 7, -7],
  },
  "large values and the edge of exact integers": {
    run: ({ roundHalfToEven }) =>
      [4503599627370495.5, -4503599627370495.5, 1e300].map(roundHalfToEven),
    expect: [4503599627370496, -4503599627370496, 1e300],
  },
  "non-finite values come back unchanged": {
    run: ({ roundHalfToEven }) => [Infinity, -Infinity, NaN].map(roundHalfToEven),
    expect: [Infinity, -Infinity, NaN],
  },
});
