import {
  allClose,
  attempt,
  chunk,
  defineCases,
  exact,
  randomValues,
  throws,
  throwsEach,
} from "@tinytorch/course";
import { max, mean, min, sum } from "mathjs";
import type { Api } from "./mod.ts";
import { want } from "./_want.ts";

const M = chunk(randomValues(5 * 7, { seed: 51, min: -10, max: 10 }), 7);
const CUBE = randomValues(2 * 3 * 4, { seed: 52, min: -10, max: 10 });
const TOL = allClose({ rtol: 1e-5, atol: 1e-5 });

/** mathjs's `sum`/`mean`/`max`/`min` of the rows of `m` along `dim`, as numbers. */
function along(f: typeof sum | typeof mean | typeof max | typeof min, dim: number): number[] {
  return (f as (m: number[][], dim: number) => unknown)(M, dim) as number[];
}

/** Sums of the [2,3,4] CUBE over axes 0 and 2, by plain loops: shape [3]. */
function cubeSum02(): number[] {
  const out = [0, 0, 0];
  CUBE.forEach((v, i) => out[Math.floor(i / 4) % 3] += v);
  return out;
}

export default defineCases<Api>("tensor.5", {
  "sum() of everything is a 0-d tensor": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).sum(),
    expect: want("float32", 21),
    compare: exact(),
  },
  "sum() along axis 0 and along axis -1 with keepdims": {
    run: ({ tensor }) => {
      const x = tensor([[1, 2, 3], [4, 5, 6]]);
      return [x.sum({ axis: 0 }), x.sum({ axis: -1, keepdims: true })];
    },
    expect: [want("float32", [5, 7, 9]), want("float32", [[6], [15]])],
    compare: exact(),
  },
  "sum() along each axis of a random matrix matches mathjs": {
    run: ({ tensor }) => [tensor(M).sum({ axis: 0 }), tensor(M).sum({ axis: 1 })],
    expect: () => [want("float32", along(sum, 0)), want("float32", along(sum, 1))],
    compare: TOL,
  },
  "sum() over axes [0, 2] of a [2,3,4] tensor": {
    run: ({ tensor }) => tensor(CUBE, { shape: [2, 3, 4] }).sum({ axis: [0, -1] }),
    expect: () => want("float32", cubeSum02()),
    compare: TOL,
  },
  "sum() over axes [0, 2] with keepdims has shape [1,3,1]": {
    run: ({ tensor }) => tensor(CUBE, { shape: [2, 3, 4] }).sum({ axis: [0, 2], keepdims: true }),
    expect: () => want("float32", cubeSum02(), [1, 3, 1]),
    compare: TOL,
  },
  "sum() of int8 is int32 (no overflow at 127 + 127)": {
    run: ({ tensor }) => tensor([[127, 127], [-128, -128]], { dtype: "int8" }).sum({ axis: 1 }),
    expect: want("int32", [254, -256]),
    compare: exact(),
  },
  "mean() along axis 1 matches mathjs and is float32 for ints": {
    run: ({ tensor }) => [tensor(M).mean({ axis: 1 }), tensor([1, 2], { dtype: "int32" }).mean()],
    expect: () => [want("float32", along(mean, 1)), want("float32", 1.5)],
    compare: TOL,
  },
  "max() and min() along axes match mathjs": {
    run: ({ tensor }) => [tensor(M).max({ axis: 0 }), tensor(M).min({ axis: -1 })],
    expect: () => [
      want("float32", along(max, 0)),
      want("float32", along(min, 1)),
    ],
    compare: exact(),
  },
  "max() and min() of everything keep the dtype": {
    run: ({ tensor }) => {
      const x = tensor([[3, -7], [9, 0]], { dtype: "int8" });
      return [x.max(), x.min(), x.max({ keepdims: true })];
    },
    expect: [want("int8", 9), want("int8", -7), want("int8", [[9]])],
    compare: exact(),
  },
  "max() propagates NaN": {
    run: ({ tensor }) => tensor([[1, NaN], [3, 4]]).max({ axis: 1 }),
    expect: want("float32", [NaN, 4]),
    compare: exact(),
  },
  "min(), sum() and mean() propagate NaN along an axis, as NumPy": {
    run: ({ tensor }) => {
      const x = tensor([[1, NaN], [3, 4]]);
      return [x.min({ axis: 1 }), x.sum({ axis: 1 }), x.mean({ axis: 1 })];
    },
    expect: [want("float32", [NaN, 3]), want("float32", [NaN, 7]), want("float32", [NaN, 3.5])],
    compare: exact(),
  },
  "sum() and mean() of float32 accumulate in float64: 2^24 + 1 + 1 is 2^24 + 2": {
    run: ({ tensor }) => {
      const x = tensor([[2 ** 24, 1, 1], [1, 1, 2 ** 24]]);
      return [x.sum({ axis: 1 }), x.sum(), x.mean({ axis: 1 })];
    },
    expect: () => [
      want("float32", [2 ** 24 + 2, 2 ** 24 + 2]),
      want("float32", 2 ** 25 + 4),
      want("float32", [(2 ** 24 + 2) / 3, (2 ** 24 + 2) / 3]),
    ],
    compare: exact(),
  },
  "argmax() along axis 1 gives the first of ties, as int32": {
    run: ({ tensor }) => tensor([[1, 9, 3], [7, 2, 7], [-5, -5, -6]]).argmax({ axis: 1 }),
    expect: want("int32", [1, 0, 0]),
    compare: exact(),
  },
  "argmax() along axis 0 of a random matrix": {
    run: ({ tensor }) => tensor(M).argmax({ axis: 0 }),
    expect: () => want("int32", M[0].map((_, j) => M.map((r) => r[j]).indexOf(along(max, 0)[j]))),
    compare: exact(),
  },
  "argmax() of rows with NaN gives the first NaN, as NumPy": {
    run: ({ tensor }) =>
      tensor([[1, NaN, 3, NaN], [NaN, 5, NaN, 9], [2, 8, 8, 1]]).argmax({ axis: 1 }),
    expect: want("int32", [1, 0, 1]),
    compare: exact(),
  },
  "argmax() of everything is the flat index": {
    run: ({ tensor }) => tensor([[1, 2], [8, 3], [0, 8]]).argmax(),
    expect: want("int32", 2),
    compare: exact(),
  },
  "sum() along axis 2 of a matrix is a RangeError": {
    run: ({ tensor }) => tensor([[1, 2]]).sum({ axis: 2 }),
    compare: throws("RangeError"),
  },
  "max() over an empty axis is a RangeError": {
    run: ({ zeros }) => zeros([2, 0]).max({ axis: 1 }),
    compare: throws("RangeError"),
  },
  "max(), min() and argmax() over an empty axis are RangeErrors naming the operation": {
    run: ({ zeros }) => {
      const x = zeros([2, 0]);
      return [() => x.max({ axis: 1 }), () => x.min({ axis: 1 }), () => x.argmax({ axis: 1 })]
        .map(attempt);
    },
    compare: throwsEach("RangeError", [/max/, /min/, /argmax/]),
  },
  "sum(), mean(), max(), min() and argmax() along a missing axis are RangeErrors naming the operation":
    {
      run: ({ tensor }) => {
        const x = tensor([[1, 2]]);
        const axis = { axis: 2 };
        return [
          () => x.sum(axis),
          () => x.mean(axis),
          () => x.max(axis),
          () => x.min(axis),
          () => x.argmax(axis),
        ].map(attempt);
      },
      compare: throwsEach("RangeError", [/sum/, /mean/, /max/, /min/, /argmax/]),
    },
  "sum(), mean(), max(), min() and argmax() of a non-tensor are TypeErrors naming the operation": {
    run: ({ sum, mean, max, min, argmax }) => {
      const n = 5 as never;
      return [() => sum(n), () => mean(n), () => max(n), () => min(n), () => argmax(n)]
        .map(attempt);
    },
    compare: throwsEach("TypeError", [/sum/, /mean/, /max/, /min/, /argmax/]),
  },
});
