import {
  custom,
  defineCases,
  exact,
  numericArray,
  type Observation,
  randomValues,
} from "@tinytorch/course";
import { Rng } from "@tinytorch/tensor";
import type { Api } from "./api.ts";

const x = randomValues(4000, { seed: 51, min: 0.5, max: 2 });

/** Every value is 0 or `input·scale` (float32), and the zeroed fraction is within `tol` of p. */
function droppedAndScaled(input: number[], p: number, tol: number) {
  const scale = 1 / (1 - p);
  return custom(`dropout(p=${p})`, (got: Observation) => {
    const g = numericArray(got);
    if (!g || g.values.length !== input.length) return "expected one value per input element";
    let zeros = 0;
    for (let i = 0; i < input.length; i++) {
      const v = g.values[i];
      if (v === 0) zeros++;
      else if (Math.abs(v - input[i] * scale) > 1e-6 * input[i] * scale) {
        return `element ${i} is ${v}: neither 0 nor ${input[i]}·1/(1−${p}) = ${input[i] * scale}`;
      }
    }
    const fraction = zeros / input.length;
    return Math.abs(fraction - p) <= tol
      ? null
      : `${(fraction * 100).toFixed(2)}% of elements were zeroed, expected ${p * 100}% ± ${
        tol * 100
      }%`;
  });
}

export default defineCases<Api>("layers.5", {
  "Dropout(0.3) zeroes about 30% and scales the rest by 1/0.7": {
    run: ({ Dropout, tensor }) => new Dropout(0.3, { seed: 1 }).forward(tensor(x)),
    compare: droppedAndScaled(x, 0.3, 0.035),
  },
  "Dropout(0.5) on 40,000 ones: about half are 2, the rest 0": {
    run: ({ Dropout, ones }) => {
      const y = new Dropout(0.5, { seed: 2 }).forward(ones([200, 200]));
      const values = Array.from(y.data);
      return {
        shape: y.shape,
        distinct: [...new Set(values)].sort(),
        mean: values.reduce((a, b) => a + b, 0) / values.length,
      };
    },
    expect: { shape: [200, 200], distinct: [0, 2], mean: 1 },
    compare: custom("dropout(0.5) statistics", (got: Observation) => {
      const g = got as { shape?: Observation; distinct?: Observation; mean?: Observation };
      if (JSON.stringify(g.shape) !== "[200,200]") return `shape ${JSON.stringify(g.shape)}`;
      if (JSON.stringify(g.distinct) !== "[0,2]") {
        return `values ${JSON.stringify(g.distinct)}, expected only 0 and 2`;
      }
      const mean = typeof g.mean === "number" ? g.mean : NaN;
      return Math.abs(mean - 1) <= 0.02 ? null : `mean ${mean}, expected 1 ± 0.02`;
    }),
  },
  "in eval mode Dropout is the identity": {
    run: ({ Dropout, tensor }) => new Dropout(0.5, { seed: 3 }).eval().forward(tensor(x)),
    expect: () => x,
    compare: exact(),
  },
  "Dropout(0) is the identity in training": {
    run: ({ Dropout, tensor }) => new Dropout(0, { seed: 4 }).forward(tensor([1, -2, 3])),
    expect: [1, -2, 3],
    compare: exact(),
  },
  "Dropout(0) in training and any Dropout in eval mode return x itself": {
    run: ({ Dropout, tensor }) => {
      const x = tensor([1, -2, 3], { dtype: "int8" });
      return [
        new Dropout(0, { seed: 4 }).forward(x) === x,
        new Dropout(0.5).eval().forward(x) === x,
      ];
    },
    expect: [true, true],
    compare: exact(),
  },
  "Dropout draws exactly one number per element from its generator": {
    run: ({ Dropout, Rng, ones }) => {
      const rng = new Rng(9);
      new Dropout(0.5, { rng }).forward(ones([2, 5]));
      return rng.next();
    },
    expect: () => {
      const rng = new Rng(9);
      for (let i = 0; i < 10; i++) rng.next();
      return rng.next();
    },
    compare: exact(),
  },
  "Dropout(1) gives zeros, not NaN": {
    run: ({ Dropout, tensor }) => new Dropout(1, { seed: 5 }).forward(tensor([[1, -2], [3, 4]])),
    expect: [[0, 0], [0, 0]],
    compare: exact(),
  },
  "the same seed gives the same mask; successive calls give new masks": {
    run: ({ Dropout, ones }) => {
      const a = new Dropout(0.5, { seed: 7 });
      const b = new Dropout(0.5, { seed: 7 });
      const first = Array.from(a.forward(ones([64])).data);
      const again = Array.from(b.forward(ones([64])).data);
      const second = Array.from(a.forward(ones([64])).data);
      return {
        sameSeedSameMask: first.join() === again.join(),
        nextCallNewMask: first.join() !== second.join(),
      };
    },
    expect: { sameSeedSameMask: true, nextCallNewMask: true },
    compare: exact(),
  },
  "train() after eval() drops again": {
    run: ({ Dropout, ones }) => {
      const layer = new Dropout(0.5, { seed: 8 }).eval().train();
      return Array.from(layer.forward(ones([256])).data).some((v) => v === 0);
    },
    expect: true,
    compare: exact(),
  },
});
