import { allClose, defineCases, exact, randomValues, throws } from "@tinytorch/course";
import { multiply, transpose } from "mathjs";
import { type Api, matrix } from "./api.ts";

/** `x @ Wᵀ + b` with mathjs, row by row. */
function affine(x: number[][], w: number[][], b: number[] | null): number[][] {
  const y = multiply(x, transpose(w)) as number[][];
  return b === null ? y : y.map((row) => row.map((v, o) => v + b[o]));
}

const x5 = matrix(5, 13, 41);
const w7 = matrix(7, 13, 42, [-0.3, 0.3]);
const b7 = randomValues(7, { seed: 43, min: -0.3, max: 0.3 });
const x8 = matrix(8, 16, 44);
const w8 = matrix(8, 16, 45);
const x6 = matrix(6, 7, 46);
const w4 = matrix(4, 7, 47);
const b4 = randomValues(4, { seed: 48 });
const close = allClose({ rtol: 1e-5, atol: 1e-6 });

export default defineCases<Api>("layers.3", {
  "linear() on a hand-computed example": {
    run: ({ linear, tensor }) =>
      linear(tensor([[2, 3], [1, -1]]), tensor([[1, 0], [0, 1], [1, 1]]), tensor([0, 0, 10])),
    expect: [[2, 3, 15], [1, -1, 10]],
    compare: exact(),
  },
  "linear() of a 1-D input is 1-D": {
    run: ({ linear, tensor }) =>
      linear(tensor([2, 3]), tensor([[1, 0], [0, 1], [1, 1]]), tensor([0, 0, 10])),
    expect: [2, 3, 15],
    compare: exact(),
  },
  "linear() without bias (null)": {
    run: ({ linear, tensor }) => linear(tensor([[1, 2, 3]]), tensor([[1, 1, 1], [1, 0, -1]]), null),
    expect: [[6, -2]],
    compare: exact(),
  },
  "linear() matches mathjs x @ Wᵀ + b on random [5,13] and [7,13]": {
    run: ({ linear, tensor }) => linear(tensor(x5), tensor(w7), tensor(b7)),
    expect: () => affine(x5, w7, b7),
    compare: close,
  },
  "linear() matches mathjs on random [8,16] and [8,16] without bias": {
    run: ({ linear, tensor }) => linear(tensor(x8), tensor(w8)),
    expect: () => affine(x8, w8, null),
    compare: close,
  },
  "Linear.forward() computes x @ Wᵀ + b with its weight and bias": {
    run: ({ Linear, tensor }) => {
      const layer = new Linear(7, 4, { seed: 1 });
      layer.weight = tensor(w4);
      layer.bias = tensor(b4);
      return layer.forward(tensor(x6));
    },
    expect: () => affine(x6, w4, b4),
    compare: close,
  },
  "Linear.forward() of a [2,3,7] batch is [2,3,4]": {
    run: ({ Linear, tensor }) => {
      const layer = new Linear(7, 4, { seed: 1 });
      layer.weight = tensor(w4);
      layer.bias = tensor(b4);
      return layer.forward(tensor(x6, { shape: [2, 3, 7] }));
    },
    expect: () => {
      const y = affine(x6, w4, b4);
      return [y.slice(0, 3), y.slice(3)];
    },
    compare: close,
  },
  "Linear.forward() with its own initial weights is finite and [3,5]": {
    run: ({ Linear, ones }) => {
      const y = new Linear(10, 5, { seed: 3 }).forward(ones([3, 10]));
      return { shape: y.shape, finite: Array.from(y.data).every(Number.isFinite) };
    },
    expect: { shape: [3, 5], finite: true },
    compare: exact(),
  },
  "linear() rejects an input whose last dimension is not in_features": {
    run: ({ linear, tensor }) => linear(tensor([[1, 2]]), tensor([[1, 2, 3]])),
    compare: throws("RangeError"),
  },
  "Linear.forward() works, then rejects a mismatched input naming both": {
    run: ({ Linear, tensor }) => {
      const layer = new Linear(3, 2, { seed: 1 });
      layer.forward(tensor([[1, 2, 3]]));
      return layer.forward(tensor([[1, 2]]));
    },
    compare: throws("RangeError", /Linear\(3, 2\).*\[1,2\].*3/),
  },
});
