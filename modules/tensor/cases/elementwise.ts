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

const A = randomValues(2 * 1 * 3, { seed: 11, min: -5, max: 5 });
const B = randomValues(4 * 1, { seed: 12, min: -5, max: 5 });

/** `a[i,0,k] * b[j,0]` broadcast to `[2,4,3]`, computed with plain loops. */
function outer3d(): number[] {
  const out: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 4; j++) {
      for (let k = 0; k < 3; k++) out.push(A[i * 3 + k] * B[j]);
    }
  }
  return out;
}

export default defineCases<Api>("tensor.1", {
  "add() broadcasts a row over the rows of a matrix": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).add(tensor([10, 20, 30])),
    expect: want("float32", [[11, 22, 33], [14, 25, 36]]),
    compare: exact(),
  },
  "add() broadcasts a column against a row into a table": {
    run: ({ tensor }) => tensor([[0], [10], [20]]).add(tensor([[1, 2, 3, 4]])),
    expect: want("float32", [[1, 2, 3, 4], [11, 12, 13, 14], [21, 22, 23, 24]]),
    compare: exact(),
  },
  "sub() with a number operand": {
    run: ({ tensor }) => tensor([[1.5, 2], [3, 4]]).sub(1),
    expect: want("float32", [[0.5, 1], [2, 3]]),
    compare: exact(),
  },
  "sub() of a matrix from a row goes the right way round": {
    run: ({ tensor }) => tensor([10, 20]).sub(tensor([[1, 2], [3, 4]])),
    expect: want("float32", [[9, 18], [7, 16]]),
    compare: exact(),
  },
  "mul() of int8 tensors gives int32 (100 * 100 does not fit int8)": {
    run: ({ tensor }) =>
      tensor([100, -128], { dtype: "int8" }).mul(tensor([100, -1], { dtype: "int8" })),
    expect: want("int32", [10000, 128]),
    compare: exact(),
  },
  "mul() of int32 tensors wraps modulo 2^32 like NumPy": {
    run: ({ tensor }) =>
      tensor([2147483647, 65536], { dtype: "int32" }).mul(
        tensor([2147483647, 65537], { dtype: "int32" }),
      ),
    expect: want("int32", [1, 65536]),
    compare: exact(),
  },
  "mul() of int8 by a fraction gives float32": {
    run: ({ tensor }) => tensor([3, -5], { dtype: "int8" }).mul(0.5),
    expect: want("float32", [1.5, -2.5]),
    compare: exact(),
  },
  "mul() broadcasts [2,1,3] with [4,1] to [2,4,3] (plain-loop oracle)": {
    run: ({ tensor }) => tensor(A, { shape: [2, 1, 3] }).mul(tensor(B, { shape: [4, 1] })),
    expect: () => want("float32", outer3d(), [2, 4, 3]),
    compare: allClose({ rtol: 1e-6 }),
  },
  "div() of integers is float32 true division; x / 0 is Infinity": {
    run: ({ tensor }) => tensor([1, 2, -3, 0], { dtype: "int32" }).div(tensor([2, 0, 2, 0])),
    expect: want("float32", [0.5, Infinity, -1.5, NaN]),
    compare: exact(),
  },
  "div() of int8 by a number broadcasts and gives float32": {
    run: ({ tensor }) => tensor([[1, 2], [3, 4]], { dtype: "int8" }).div(4),
    expect: want("float32", [[0.25, 0.5], [0.75, 1]]),
    compare: exact(),
  },
  "maximum() with 0 is ReLU and keeps NaN": {
    run: ({ tensor }) => tensor([-2, -0.5, 0, 3, NaN]).maximum(0),
    expect: want("float32", [0, 0, 0, 3, NaN]),
    compare: exact(),
  },
  "maximum() broadcasts a column": {
    run: ({ tensor }) =>
      tensor([[1, 5], [7, 2]], { dtype: "int8" }).maximum(tensor([[4], [3]], { dtype: "int8" })),
    expect: want("int32", [[4, 5], [7, 3]]),
    compare: exact(),
  },
  "broadcastShapes() aligns shapes at the last axis": {
    run: ({ broadcastShapes }) => [
      broadcastShapes([4, 1], [3, 1, 5]),
      broadcastShapes([], [2, 3]),
      broadcastShapes([2, 0], [1, 1]),
    ],
    expect: [[3, 4, 5], [2, 3], [2, 0]],
    compare: exact(),
  },
  "add() of shapes [2,3] and [4] is a RangeError naming both": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).add(tensor([1, 2, 3, 4])),
    compare: throws("RangeError", "Cannot broadcast shapes [2,3] and [4]"),
  },
  "broadcastShapes() rejects [2,3] and [3,2]": {
    run: ({ broadcastShapes }) => broadcastShapes([2, 3], [3, 2]),
    compare: throws("RangeError", /Cannot broadcast shapes \[2,3\] and \[3,2\]/),
  },
  "add() of a string is a TypeError": {
    run: ({ tensor }) => tensor([1]).add("1" as never),
    compare: throws("TypeError"),
  },
  "add() of [2,3] and [3,2] is a RangeError although the sizes agree": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).add(tensor([[1, 2], [3, 4], [5, 6]])),
    compare: throws("RangeError", /\[2,3\] and \[3,2\]/),
  },
  "add(), sub(), mul(), div() and maximum() of a string are TypeErrors naming the operation": {
    run: ({ tensor }) => {
      const x = tensor([1]);
      const s = "1" as never;
      return [() => x.add(s), () => x.sub(s), () => x.mul(s), () => x.div(s), () => x.maximum(s)]
        .map(attempt);
    },
    compare: throwsEach("TypeError", [/add/, /sub/, /mul/, /div/, /max/]),
  },
  "add() of equal shapes returns a new tensor and leaves both operands unchanged": {
    run: ({ tensor }) => {
      const x = tensor([1, 2]);
      const y = tensor([3, 4]);
      const z = x.add(y);
      z.data[0] = 99;
      return [x, y, z];
    },
    expect: [want("float32", [1, 2]), want("float32", [3, 4]), want("float32", [99, 6])],
    compare: exact(),
  },
});
