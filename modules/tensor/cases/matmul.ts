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
import { multiply, transpose } from "mathjs";
import type { Api } from "./mod.ts";
import { want } from "./_want.ts";

/** A random `rows×cols` matrix of float32-representable values, as nested rows. */
function matrix(rows: number, cols: number, seed: number): number[][] {
  return chunk(randomValues(rows * cols, { seed }), cols);
}

/** The product by mathjs (float64), the independent oracle. */
function oracle(a: number[][], b: number[][]): number[][] {
  return multiply(a, b) as number[][];
}

/** `a @ bᵀ` by mathjs, as the row-major float32 values `matmulF32` returns. */
function oracleT(a: number[][], b: number[][]): Float32Array {
  return Float32Array.from((multiply(a, transpose(b)) as number[][]).flat());
}

/** Nested rows as one row-major Float32Array (the values are float32-representable). */
const flat = (rows: number[][]) => Float32Array.from(rows.flat());

const TOL = allClose({ rtol: 1e-4, atol: 1e-5 });
const A_MNIST = matrix(32, 784, 31);
const B_MNIST = matrix(784, 128, 32);
const A_ODD = matrix(7, 13, 33);
const B_ODD = matrix(13, 5, 34);
const BATCH = [matrix(3, 6, 35), matrix(3, 6, 36)];
const W = matrix(6, 9, 37);
const W_MNIST = matrix(128, 784, 40); // a Linear weight [out, in]
const W_ODD = matrix(5, 13, 41);
const INT_A = chunk(randomValues(5 * 6, { seed: 38, min: -128, max: 128, integers: true }), 6);
const INT_B = chunk(randomValues(6 * 7, { seed: 39, min: -128, max: 128, integers: true }), 7);
/** Rows `[2^24, 1, 1]`: the exact row sums `2^24 + 2` are float32 values, a float32 sum is not. */
const BIG = Array.from({ length: 5 }, () => [2 ** 24, 1, 1]);
const ONES = Array.from({ length: 3 }, () => [1, 1, 1, 1, 1]);

export default defineCases<Api>("tensor.3", {
  "matmul() of [2,3] by [3,2], by hand": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).matmul(tensor([[7, 8], [9, 10], [11, 12]])),
    expect: want("float32", [[58, 64], [139, 154]]),
    compare: exact(),
  },
  "matmul() of an MNIST-sized batch [32,784] by [784,128] matches mathjs": {
    run: ({ tensor }) => tensor(A_MNIST).matmul(tensor(B_MNIST)),
    expect: () => want("float32", oracle(A_MNIST, B_MNIST)),
    compare: TOL,
  },
  "matmul() of one sample [1,784] by [784,128], and matmulF32() by [128,784]ᵀ with transposeB, match mathjs":
    {
      run: ({ tensor, matmulF32 }) => [
        tensor(A_MNIST.slice(0, 1)).matmul(tensor(B_MNIST)),
        matmulF32(flat(A_MNIST.slice(0, 1)), flat(W_MNIST), 1, 784, 128, { transposeB: true }),
      ],
      expect: () => [
        want("float32", oracle(A_MNIST.slice(0, 1), B_MNIST)),
        oracleT(A_MNIST.slice(0, 1), W_MNIST),
      ],
      compare: TOL,
    },
  "matmul() of odd shapes [7,13] by [13,5], and matmulF32() by [5,13]ᵀ with transposeB, match mathjs":
    {
      run: ({ tensor, matmulF32 }) => [
        tensor(A_ODD).matmul(tensor(B_ODD)),
        matmulF32(flat(A_ODD), flat(W_ODD), 7, 13, 5, { transposeB: true }),
      ],
      expect: () => [want("float32", oracle(A_ODD, B_ODD)), oracleT(A_ODD, W_ODD)],
      compare: TOL,
    },
  "matmul() of [1,1] by [1,1] and of [3,1] by [1,2]": {
    run: ({ tensor }) => [
      tensor([[3]]).matmul(tensor([[-2]])),
      tensor([[1], [2], [3]]).matmul(tensor([[4, 5]])),
    ],
    expect: [want("float32", [[-6]]), want("float32", [[4, 5], [8, 10], [12, 15]])],
    compare: exact(),
  },
  "matmul() of a 1-D left operand drops that axis: [3] by [3,2] is [2]": {
    run: ({ tensor }) => tensor([1, 2, 3]).matmul(tensor([[1, 2], [3, 4], [5, 6]])),
    expect: want("float32", [22, 28]),
    compare: exact(),
  },
  "matmul() of a 1-D right operand: [2,3] by [3] is [2]": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).matmul(tensor([1, 0, -1])),
    expect: want("float32", [-2, -2]),
    compare: exact(),
  },
  "matmul() of two 1-D tensors is their dot product, a 0-d tensor": {
    run: ({ tensor }) => tensor([1, 2, 3]).matmul(tensor([4, 5, 6])),
    expect: want("float32", 32),
    compare: exact(),
  },
  "matmul() of a batch [2,3,6] by [6,9] matches mathjs per batch": {
    run: ({ tensor }) => tensor(BATCH).matmul(tensor(W)),
    expect: () => want("float32", BATCH.map((a) => oracle(a, W))),
    compare: TOL,
  },
  "matmulF32() with transposeB of an MNIST batch [32,784] by a [128,784] weight matches mathjs": {
    run: ({ matmulF32 }) =>
      matmulF32(flat(A_MNIST), flat(W_MNIST), 32, 784, 128, { transposeB: true }),
    expect: () => oracleT(A_MNIST, W_MNIST),
    compare: TOL,
  },
  "matmul() and matmulF32() accumulate in float64: 2^24 + 1 + 1 is 2^24 + 2 in every block": {
    run: ({ tensor, matmulF32 }) => [
      tensor(BIG).matmul(tensor(ONES)),
      matmulF32(flat(BIG), flat(BIG.map(() => [1, 1, 1])), 5, 3, 5, { transposeB: true }),
    ],
    expect: () => [
      want("float32", BIG.map(() => [0, 0, 0, 0, 0].map(() => 2 ** 24 + 2))),
      new Float32Array(25).fill(2 ** 24 + 2),
    ],
    compare: exact(),
  },
  "matmul() of int8 by int8 is exact int32": {
    run: ({ tensor }) => tensor(INT_A, { dtype: "int8" }).matmul(tensor(INT_B, { dtype: "int8" })),
    expect: () => want("int32", oracle(INT_A, INT_B)),
    compare: exact(),
  },
  "matmul() of int32 by int32 wraps modulo 2^32 like NumPy, products past 2^31 included": {
    run: ({ tensor }) =>
      tensor([[2147483647, 2], [65536, -7]], { dtype: "int32" }).matmul(
        tensor([[2147483647], [3]], { dtype: "int32" }),
      ),
    // (2^31 - 1)^2 = 2^62 - 2^32 + 1 ≡ 1; 65536 · (2^31 - 1) = 2^47 - 2^16 ≡ -65536 (mod 2^32).
    expect: want("int32", [[1 + 6], [-65536 - 21]]),
    compare: exact(),
  },
  "matmul() of float32 by int8 is float32 and keeps the fractions": {
    run: ({ tensor }) => tensor([[0.5, 1.5]]).matmul(tensor([[2], [4]], { dtype: "int8" })),
    expect: want("float32", [[7]]),
    compare: exact(),
  },
  "matmul() of int32 by float32 is float32": {
    run: ({ tensor }) => tensor([[1, 2]], { dtype: "int32" }).matmul(tensor([[0.5], [0.25]])),
    expect: want("float32", [[1]]),
    compare: exact(),
  },
  "matmul() with an empty inner dimension gives zeros": {
    run: ({ zeros }) => zeros([2, 0]).matmul(zeros([0, 3])),
    expect: want("float32", [[0, 0, 0], [0, 0, 0]]),
    compare: exact(),
  },
  "matmul() of [1,2] by [3,1] is a RangeError naming shapes and inner dimensions": {
    run: ({ tensor }) => tensor([[1, 2]]).matmul(tensor([[1], [2], [3]])),
    compare: throws(
      "RangeError",
      "Cannot multiply tensors of shape [1,2] and [3,1]: inner dimensions 2 and 3 must match",
    ),
  },
  "matmul() of [2,4] by [2,4] is a RangeError although the sizes agree": {
    run: ({ tensor }) =>
      tensor([[1, 2, 3, 4], [5, 6, 7, 8]]).matmul(tensor([[1, 2, 3, 4], [5, 6, 7, 8]])),
    compare: throws("RangeError", /\[2,4\] and \[2,4\]/),
  },
  "matmul() of a 0-d tensor is a RangeError": {
    run: ({ tensor }) => tensor(2).matmul(tensor([[1]])),
    compare: throws("RangeError", /\[\] and \[1,1\]/),
  },
  "matmul() with a 3-D right operand is a RangeError": {
    run: ({ zeros }) => zeros([2, 3]).matmul(zeros([2, 3, 4])),
    compare: throws("RangeError", /\[2,3\] and \[2,3,4\]/),
  },
  "matmul() by a number is a TypeError": {
    run: ({ tensor }) => tensor([[1]]).matmul(2 as never),
    compare: throws("TypeError"),
  },
  "matmul() of a non-tensor, on either side, is a TypeError naming the operation": {
    run: ({ tensor, matmul }) => {
      const x = tensor([[1]]);
      return [() => matmul(2 as never, x), () => matmul(x, 2 as never)].map(attempt);
    },
    compare: throwsEach("TypeError", [/mul/, /mul/]),
  },
  "matmul() of a 0-d tensor, on either side, is a RangeError naming both shapes (no undefined dimension)":
    {
      run: ({ tensor }) =>
        [
          () => tensor(2).matmul(tensor([[1]])),
          () => tensor([[1, 2]]).matmul(tensor(3)),
        ].map(attempt),
      compare: throwsEach("RangeError", [
        /^(?!.*undefined).*\[\] and \[1,1\]/,
        /^(?!.*undefined).*\[1,2\] and \[\]/,
      ]),
    },
  "matmul() of [2,3] by a 3-D [3,3,4] is a RangeError although the inner dimensions match": {
    run: ({ zeros }) => zeros([2, 3]).matmul(zeros([3, 3, 4])),
    compare: throws("RangeError", /\[2,3\] and \[3,3,4\]/),
  },
});
