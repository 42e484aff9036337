/**
 * Hidden cases of the tensor module: other shapes, dtypes and seeds than the visible ones.
 * Expectations come from the reference implementation (computed by the grader), so reading this
 * file during grading does not reveal an answer.
 *
 * @module
 */
import { allClose, chunk, defineCases, exact, randomValues, throws } from "@tinytorch/course";
import { multiply, transpose } from "mathjs";
import type { Api } from "../../../modules/tensor/cases/mod.ts";

const close = allClose({ rtol: 1e-5, atol: 1e-6 });
const grid = (rows: number, cols: number, seed: number, min = -2, max = 2) =>
  chunk(randomValues(rows * cols, { seed, min, max }), cols);
const ints = (count: number, seed: number, min = -100, max = 100) =>
  randomValues(count, { seed, min, max, integers: true });

/** `[m, k, n]` for every remainder of the 4×4 blocks, empty operands included. */
const REMAINDERS = [0, 5, 16].flatMap((k) =>
  [0, 1, 2, 3, 4, 5].flatMap((m) => [0, 1, 3, 4, 7, 9].map((n) => [m, k, n]))
);
const operand = (rows: number, cols: number, seed: number) =>
  Float32Array.from(randomValues(rows * cols, { seed }));

export default [
  defineCases<Api>("tensor.1", {
    "int8 [3,1,4] plus float32 [2,1] broadcasts to float32 [3,2,4]": {
      run: ({ tensor }) =>
        tensor(ints(12, 901), { dtype: "int8", shape: [3, 1, 4] }).add(tensor([[0.5], [-1.5]])),
      expect: "reference",
      compare: exact(),
    },
    "int32 [5,4] minus and times a broadcast row stay int32": {
      run: ({ tensor }) => {
        const m = tensor(ints(20, 902), { dtype: "int32", shape: [5, 4] });
        const row = tensor([1, -2, 3, -4], { dtype: "int32" });
        return [m.sub(row), m.mul(row), m.maximum(row)];
      },
      expect: "reference",
      compare: exact(),
    },
    "division by a scalar and by a broadcast column": {
      run: ({ tensor }) => {
        const m = tensor(grid(3, 5, 903));
        return [m.div(4), m.div(tensor([[2], [-0.5], [8]]))];
      },
      expect: "reference",
      compare: close,
    },
    "[6] and [2,3] have the same size but do not broadcast": {
      run: ({ tensor }) => tensor([1, 2, 3, 4, 5, 6]).mul(tensor([[1, 2, 3], [4, 5, 6]])),
      compare: throws("RangeError"),
    },
  }),
  defineCases<Api>("tensor.2", {
    "exp, log, sqrt, abs and neg on a seeded [4,5]": {
      run: ({ tensor }) => {
        const x = tensor(grid(4, 5, 911, 0.1, 3));
        return [x.exp(), x.log(), x.sqrt(), x.neg().abs(), x.neg()];
      },
      expect: "reference",
      compare: close,
    },
    "clip and abs of an int8 tensor": {
      run: ({ tensor }) => {
        const x = tensor(ints(9, 912), { dtype: "int8", shape: [3, 3] });
        return [x.clip(-20, 30), x.abs()];
      },
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("tensor.3", {
    "[17,9] by [9,11]": {
      run: ({ tensor }) => tensor(grid(17, 9, 921)).matmul(tensor(grid(9, 11, 922))),
      expect: "reference",
      compare: allClose({ rtol: 1e-4, atol: 1e-5 }),
    },
    "a [2,4,3] batch by a [3,6] matrix": {
      run: ({ tensor }) =>
        tensor(randomValues(24, { seed: 923 }), { shape: [2, 4, 3] }).matmul(
          tensor(grid(3, 6, 924)),
        ),
      expect: "reference",
      compare: allClose({ rtol: 1e-4, atol: 1e-5 }),
    },
    "int32 by int32 is exact": {
      run: ({ tensor }) =>
        tensor(ints(12, 925), { dtype: "int32", shape: [3, 4] }).matmul(
          tensor(ints(8, 926), { dtype: "int32", shape: [4, 2] }),
        ),
      expect: "reference",
      compare: exact(),
    },
    "matmulF32 with transposeB: [6,37] by [11,37]ᵀ": {
      run: ({ matmulF32 }) =>
        matmulF32(
          Float32Array.from(randomValues(6 * 37, { seed: 929 })),
          Float32Array.from(randomValues(11 * 37, { seed: 930 })),
          6,
          37,
          11,
          { transposeB: true },
        ),
      expect: "reference",
      compare: allClose({ rtol: 1e-4, atol: 1e-5 }),
    },
    "matmulF32 with transposeB matches mathjs for every remainder of the 4×4 blocks": {
      run: ({ matmulF32 }) =>
        REMAINDERS.map(([m, k, n], i) =>
          matmulF32(operand(m, k, 2 * i), operand(n, k, 2 * i + 1), m, k, n, { transposeB: true })
        ),
      expect: () =>
        REMAINDERS.map(([m, k, n], i) => {
          if (m === 0 || n === 0 || k === 0) return new Float32Array(m * n);
          const a = chunk(Array.from(operand(m, k, 2 * i)), k);
          const b = chunk(Array.from(operand(n, k, 2 * i + 1)), k);
          return Float32Array.from((multiply(a, transpose(b)) as number[][]).flat());
        }),
      compare: allClose({ rtol: 1e-6, atol: 1e-6 }),
    },
    "a [4,4] block by its transpose sums in float64: 2^24 plus three ones": {
      run: ({ matmulF32 }) =>
        matmulF32(
          Float32Array.from({ length: 16 }, (_, i) => (i % 4 === 0 ? 2 ** 24 : 1)),
          new Float32Array(16).fill(1),
          4,
          4,
          4,
          { transposeB: true },
        ),
      expect: "reference",
      compare: exact(),
    },
    "[3,4] by [3,4] is a RangeError": {
      run: ({ tensor }) => tensor(grid(3, 4, 927)).matmul(tensor(grid(3, 4, 928))),
      compare: throws("RangeError"),
    },
  }),
  defineCases<Api>("tensor.4", {
    "reshape, transpose of a 3-D tensor, flatten of the transpose": {
      run: ({ arange }) => {
        const x = arange(0, 24).reshape(2, 3, 4);
        return [x.reshape([4, 6]), x.transpose(0, 2), x.transpose(0, 2).flatten()];
      },
      expect: "reference",
      compare: exact(),
    },
    "reshape to a different size is a RangeError": {
      run: ({ arange }) => arange(0, 12).reshape(5, 2),
      compare: throws("RangeError"),
    },
  }),
  defineCases<Api>("tensor.5", {
    "sum, mean, max, min over axes with and without keepdims": {
      run: ({ tensor }) => {
        const x = tensor(randomValues(60, { seed: 951, min: -5, max: 5 }), { shape: [3, 4, 5] });
        return [
          x.sum({ axis: [0, 2] }),
          x.mean({ axis: -1, keepdims: true }),
          x.max({ axis: 1 }),
          x.min(),
        ];
      },
      expect: "reference",
      compare: close,
    },
    "NaN along axis 0: max and min propagate it, argmax points at the first": {
      run: ({ tensor }) => {
        const x = tensor([[1, 5, NaN], [NaN, 2, 3], [4, NaN, NaN]]);
        return [x.max({ axis: 0 }), x.min({ axis: 0 }), x.argmax({ axis: 0 })];
      },
      expect: "reference",
      compare: exact(),
    },
    "argmax picks the first of equal maxima": {
      run: ({ tensor }) =>
        tensor([[1, 7, 7, 2], [9, 0, 9, 9], [-1, -1, -1, -1]]).argmax({ axis: 1 }),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("tensor.6", {
    "float32 to int8 truncates halves and fractions toward zero": {
      run: ({ tensor }) => tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 126.6, -127.4]).astype("int8"),
      expect: "reference",
      compare: exact(),
    },
    "int8 to int32 to float32 keeps the values": {
      run: ({ tensor }) =>
        tensor(ints(7, 961, -128, 128), { dtype: "int8" }).astype("int32").astype("float32"),
      expect: "reference",
      compare: exact(),
    },
    "200 does not fit in int8": {
      run: ({ tensor }) => tensor([1, 200]).astype("int8"),
      compare: throws("RangeError"),
    },
  }),
];
