import { allClose, defineCases, exact, randomValues, throws } from "@tinytorch/course";
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
  "clip() with low above high is a RangeError": {
    run: ({ tensor }) => tensor([1]).clip(2, 1),
    compare: throws("RangeError"),
  },
  "clip() with a string bound is a TypeError": {
    run: ({ tensor }) => tensor([1]).clip("0" as never, 1),
    compare: throws("TypeError"),
  },
});
