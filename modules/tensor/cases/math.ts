import {
  allClose,
  attempt,
  defineCases,
  exact,
  randomValues,
  throws,
  throwsEach,
} from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { want } from "./_want.ts";

const X = randomValues(12, { seed: 21, min: -3, max: 3 });
const POSITIVE = randomValues(12, { seed: 22, min: 0.01, max: 50 });

export default defineCases<Api>("tensor.2", {
  "exp() matches Math.exp on random inputs": {
    run: ({ tensor }) => tensor(X, { shape: [3, 4] }).exp(),
    expect: () => want("float32", X.map(Math.exp), [3, 4]),
    compare: allClose({ rtol: 1e-6 }),
  },
  "log() matches Math.log; log(0) is -Infinity, log(-1) is NaN": {
    run: ({ tensor }) => [tensor(POSITIVE).log(), tensor([0, -1]).log()],
    expect: () => [want("float32", POSITIVE.map(Math.log)), want("float32", [-Infinity, NaN])],
    compare: allClose({ rtol: 1e-6, atol: 1e-7, equalNan: true }),
  },
  "sqrt() of an int32 tensor is float32": {
    run: ({ tensor }) => tensor([0, 1, 4, 2, -1], { dtype: "int32" }).sqrt(),
    expect: want("float32", [0, 1, 2, Math.SQRT2, NaN]),
    compare: exact(),
  },
  "exp() of an int8 tensor is float32": {
    run: ({ tensor }) => tensor([0, 1], { dtype: "int8" }).exp(),
    expect: want("float32", [1, Math.E]),
    compare: exact(),
  },
  "neg() keeps the shape; int8 -128 becomes int32 128": {
    run: ({ tensor }) => [tensor([[1, -2.5]]).neg(), tensor([-128, 5], { dtype: "int8" }).neg()],
    expect: [want("float32", [[-1, 2.5]]), want("int32", [128, -5])],
    compare: exact(),
  },
  "abs() of float32 and int8": {
    run: ({ tensor }) => [tensor([-1.5, 0, 2]).abs(), tensor([-128, 7], { dtype: "int8" }).abs()],
    expect: [want("float32", [1.5, 0, 2]), want("int32", [128, 7])],
    compare: exact(),
  },
  "clip() limits to [low, high] and keeps NaN": {
    run: ({ tensor }) => tensor([[-2, 0.5], [3, NaN]]).clip(-1, 1),
    expect: want("float32", [[-1, 0.5], [1, NaN]]),
    compare: exact(),
  },
  "clip() of int8 with integer bounds is int32, with fractional bounds float32": {
    run: ({ tensor }) => {
      const x = tensor([-100, 0, 100], { dtype: "int8" });
      return [x.clip(-10, 10), x.clip(-0.5, 0.5)];
    },
    expect: [want("int32", [-10, 0, 10]), want("float32", [-0.5, 0, 0.5])],
    compare: exact(),
  },
  "clip() of int8 with one fractional bound is float32": {
    run: ({ tensor }) => {
      const x = tensor([-100, 0, 100], { dtype: "int8" });
      return [x.clip(-10, 0.5), x.clip(-0.5, 10)];
    },
    expect: [want("float32", [-10, 0, 0.5]), want("float32", [-0.5, 0, 10])],
    compare: exact(),
  },
  "clip() with low equal to high gives that constant": {
    run: ({ tensor }) => tensor([-1, 0.5, 3]).clip(1, 1),
    expect: want("float32", [1, 1, 1]),
    compare: exact(),
  },
  "clip() with low above high is a RangeError naming both bounds": {
    run: ({ tensor }) => tensor([1]).clip(2, 1),
    compare: throws("RangeError", /clip.*2.*1/),
  },
  "clip() with a string bound is a TypeError": {
    run: ({ tensor }) => tensor([1]).clip("0" as never, 1),
    compare: throws("TypeError"),
  },
  "clip() with a string high bound is a TypeError naming clip": {
    run: ({ tensor }) => tensor([1]).clip(0, "1" as never),
    compare: throws("TypeError", /clip/),
  },
  "neg(), exp(), log(), sqrt(), abs() and clip() of a non-tensor are TypeErrors naming the operation":
    {
      run: ({ neg, exp, log, sqrt, abs, clip }) => {
        const n = 5 as never;
        return [
          () => neg(n),
          () => exp(n),
          () => log(n),
          () => sqrt(n),
          () => abs(n),
          () => clip(n, 0, 1),
        ].map(attempt);
      },
      compare: throwsEach("TypeError", [
        /neg/,
        /\bexp(?!ected)/,
        /log/,
        /sqrt|square root/,
        /abs/,
        /clip/,
      ]),
    },
  "neg(), abs() and clip() return new tensors and leave the input unchanged": {
    run: ({ tensor }) => {
      const x = tensor([-2, 3]);
      for (const y of [x.neg(), x.abs(), x.clip(0, 1)]) y.data[0] = 99;
      return x;
    },
    expect: want("float32", [-2, 3]),
    compare: exact(),
  },
});
