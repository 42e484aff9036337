/**
 * Hidden cases of the layers module: other shapes, seeds and extreme inputs than the visible
 * ones. Expectations come from the reference implementation (computed by the grader) or, for
 * dropout's randomness, from statistics; reading this file does not reveal an answer.
 *
 * @module
 */
import {
  allClose,
  chunk,
  custom,
  defineCases,
  exact,
  numericArray,
  randomValues,
} from "@tinytorch/course";
import type { Api } from "../../../modules/layers/cases/mod.ts";

const close = allClose({ rtol: 1e-5, atol: 1e-6 });
const grid = (rows: number, cols: number, seed: number, min = -3, max = 3) =>
  chunk(randomValues(rows * cols, { seed, min, max }), cols);

/** Every value is 0 or 1/(1−p), and the zeroed fraction is within `tol` of p. */
function dropped(p: number, tol: number) {
  return custom(`dropout(p=${p}) of ones`, (got) => {
    const g = numericArray(got);
    if (!g || g.values.length === 0) return "expected a tensor of numbers";
    const scale = 1 / (1 - p);
    const zeros = g.values.filter((v) => v === 0).length;
    if (g.values.some((v) => v !== 0 && Math.abs(v - scale) > 1e-6 * scale)) {
      return `values must be 0 or ${scale}`;
    }
    const fraction = zeros / g.values.length;
    return Math.abs(fraction - p) <= tol ? null : `${fraction} of the values were zeroed, not ${p}`;
  });
}

export default [
  defineCases<Api>("layers.1", {
    "ReLU, Sigmoid, Tanh and both GELUs on a seeded [3,7]": {
      run: ({ tensor, ReLU, Sigmoid, Tanh, GELU }) => {
        const x = tensor(grid(3, 7, 1101));
        return [
          new ReLU().forward(x),
          new Sigmoid().forward(x),
          new Tanh().forward(x),
          new GELU().forward(x),
          new GELU({ approximate: "tanh" }).forward(x),
        ];
      },
      expect: "reference",
      compare: close,
    },
    "Sigmoid and Tanh stay finite at ±800": {
      run: ({ tensor, Sigmoid, Tanh }) => {
        const x = tensor([-800, -30, 0, 30, 800]);
        return [new Sigmoid().forward(x), new Tanh().forward(x)];
      },
      expect: "reference",
      compare: close,
    },
  }),
  defineCases<Api>("layers.2", {
    "softmax of large logits along each axis": {
      run: ({ tensor, softmax }) => {
        const x = tensor([[1000, 1001, 1002], [-1000, 0, 1000]]);
        return [softmax(x), softmax(x, { axis: 0 })];
      },
      expect: "reference",
      compare: close,
    },
    "softmax along the last axis of rows near -500, 0 and 500": {
      run: ({ tensor, softmax }) =>
        softmax(tensor([[-500, -501, -499.5], [0, 1, -0.5], [500, 499, 500.5]])),
      expect: "reference",
      compare: close,
    },
    "softmax of a seeded [2,3,5] along the last axis": {
      run: ({ tensor, Softmax }) =>
        new Softmax().forward(tensor(randomValues(30, { seed: 1102, min: -4, max: 4 }), {
          shape: [2, 3, 5],
        })),
      expect: "reference",
      compare: close,
    },
  }),
  defineCases<Api>("layers.3", {
    "Linear(9, 5) on a [3,4,9] batch with seeded weights": {
      run: ({ tensor, Linear }) => {
        const layer = new Linear(9, 5, { seed: 1103 });
        layer.weight = tensor(grid(5, 9, 1104, -0.5, 0.5));
        layer.bias = tensor(randomValues(5, { seed: 1105 }));
        return layer.forward(tensor(randomValues(108, { seed: 1106 }), { shape: [3, 4, 9] }));
      },
      expect: "reference",
      compare: close,
    },
  }),
  defineCases<Api>("layers.4", {
    "Sequential(Flatten, Linear, ReLU, Linear) on [2,3,4]": {
      run: ({ tensor, Flatten, Linear, ReLU, Sequential }) => {
        const first = new Linear(12, 6, { seed: 1107 });
        const last = new Linear(6, 2, { seed: 1108 });
        first.weight = tensor(grid(6, 12, 1109, -0.4, 0.4));
        last.weight = tensor(grid(2, 6, 1110, -0.4, 0.4));
        const model = new Sequential(new Flatten(), first, new ReLU(), last);
        return model.forward(tensor(randomValues(24, { seed: 1111 }), { shape: [2, 3, 4] }));
      },
      expect: "reference",
      compare: close,
    },
    "Flatten keeps the batch axis": {
      run: ({ zeros, Flatten }) => new Flatten().forward(zeros([5, 2, 3, 2])).shape,
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("layers.5", {
    "Dropout(0.8) zeroes about 80% of 10,000 ones and scales the rest by 5": {
      run: ({ ones, Dropout }) => new Dropout(0.8, { seed: 1112 }).forward(ones([100, 100])),
      compare: dropped(0.8, 0.03),
    },
    "Dropout(0.25) on a [3,7] input draws 21 numbers from its generator": {
      run: ({ ones, Dropout, Rng }) => {
        const rng = new Rng(1115);
        new Dropout(0.25, { rng }).forward(ones([3, 7]));
        return rng.next();
      },
      expect: "reference",
      compare: exact(),
    },
    "in eval mode Dropout(0.5) is the identity on a seeded [2,3]": {
      run: ({ tensor, Dropout }) =>
        new Dropout(0.5, { seed: 1113 }).eval().forward(tensor(grid(2, 3, 1114))),
      expect: () => grid(2, 3, 1114),
      compare: exact(),
    },
  }),
];
