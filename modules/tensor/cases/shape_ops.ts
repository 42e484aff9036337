import { attempt, defineCases, exact, throws, throwsEach } from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { want } from "./_want.ts";

const RANGE24 = Array.from({ length: 24 }, (_, i) => i);

/** `x[i,j,k] = 12i + 4j + k` of shape [2,3,4], transposed to [4,3,2] by plain loops. */
function swap02(): number[] {
  const out: number[] = [];
  for (let k = 0; k < 4; k++) {
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 2; i++) out.push(12 * i + 4 * j + k);
    }
  }
  return out;
}

/** The same [2,3,4] tensor with its last two axes swapped: [2,4,3]. */
function swapLast(): number[] {
  const out: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (let k = 0; k < 4; k++) {
      for (let j = 0; j < 3; j++) out.push(12 * i + 4 * j + k);
    }
  }
  return out;
}

export default defineCases<Api>("tensor.4", {
  "reshape() takes dimensions as arguments or as one array": {
    run: ({ tensor }) => {
      const x = tensor([1, 2, 3, 4, 5, 6]);
      return [x.reshape(2, 3), x.reshape([3, 2]), x.reshape([1, 6, 1])];
    },
    expect: [
      want("float32", [[1, 2, 3], [4, 5, 6]]),
      want("float32", [[1, 2], [3, 4], [5, 6]]),
      want("float32", [[[1], [2], [3], [4], [5], [6]]]),
    ],
    compare: exact(),
  },
  "reshape() infers one -1 and keeps the dtype": {
    run: ({ tensor }) => tensor(RANGE24, { dtype: "int8" }).reshape(2, -1, 4).shape,
    expect: [2, 3, 4],
    compare: exact(),
  },
  "reshape() to [] and back for a single element": {
    run: ({ tensor }) => [tensor([7]).reshape([]), tensor(7).reshape(1, 1)],
    expect: [want("float32", 7), want("float32", [[7]])],
    compare: exact(),
  },
  "reshape() returns a view that shares data": {
    run: ({ tensor }) => {
      const x = tensor([1, 2, 3, 4]);
      x.reshape(2, 2).data[3] = 40;
      return x;
    },
    expect: want("float32", [1, 2, 3, 40]),
    compare: exact(),
  },
  "reshape() of size 6 into [4,2] is a RangeError naming both sizes": {
    run: ({ tensor }) => tensor([1, 2, 3, 4, 5, 6]).reshape(4, 2),
    compare: throws("RangeError", /size 6.*\[4,2\].*size 8/),
  },
  "reshape() with two -1 is a RangeError": {
    run: ({ tensor }) => tensor([1, 2, 3, 4, 5, 6]).reshape(-1, -1),
    compare: throws("RangeError"),
  },
  "reshape() with a -1 that cannot be inferred is a RangeError naming reshape and the shape": {
    run: ({ tensor }) => tensor([1, 2, 3, 4, 5, 6]).reshape(4, -1),
    compare: throws("RangeError", /reshape.*\[4,-1\]/),
  },
  "reshape() of one element with two -1 is a RangeError": {
    run: ({ tensor }) => tensor([7]).reshape(-1, -1),
    compare: throws("RangeError", /reshape/),
  },
  "reshape() into dimensions below -1 or fractional ones is a RangeError naming reshape and the shape":
    {
      run: ({ tensor }) => {
        const x = tensor([1, 2, 3, 4, 5, 6]);
        return [() => x.reshape(-2, -3), () => x.reshape(1.5, 4)].map(attempt);
      },
      compare: throwsEach("RangeError", [/reshape.*\[-2,-3\]/, /reshape.*\[1\.5,4\]/]),
    },
  "transpose() of a matrix, by hand": {
    run: ({ tensor }) => tensor([[1, 2, 3], [4, 5, 6]]).transpose(),
    expect: want("float32", [[1, 4], [2, 5], [3, 6]]),
    compare: exact(),
  },
  "transpose(0, 2) of a [2,3,4] tensor is a contiguous [4,3,2] copy": {
    run: ({ tensor }) => tensor(RANGE24, { shape: [2, 3, 4], dtype: "int32" }).transpose(0, 2),
    expect: () => want("int32", swap02(), [4, 3, 2]),
    compare: exact(),
  },
  "transpose() with no axes swaps the last two; negative axes work": {
    run: ({ tensor }) => {
      const x = tensor(RANGE24, { shape: [2, 3, 4] });
      return [x.transpose(), x.transpose(-1, -2)];
    },
    expect: () => [want("float32", swapLast(), [2, 4, 3]), want("float32", swapLast(), [2, 4, 3])],
    compare: exact(),
  },
  "transpose() of a 1-D tensor is an unchanged copy": {
    run: ({ tensor }) => {
      const x = tensor([1, 2, 3]);
      const t = x.transpose();
      t.data[0] = 9;
      return [t, x];
    },
    expect: [want("float32", [9, 2, 3]), want("float32", [1, 2, 3])],
    compare: exact(),
  },
  "transpose() with an axis out of range is a RangeError": {
    run: ({ tensor }) => tensor([[1, 2]]).transpose(0, 2),
    compare: throws("RangeError"),
  },
  "transpose() with either axis out of range is a RangeError naming transpose and the axis": {
    run: ({ tensor }) => {
      const x = tensor([[1, 2]]);
      return [() => x.transpose(2, 0), () => x.transpose(0, -3)].map(attempt);
    },
    compare: throwsEach("RangeError", [/transpose.*2/, /transpose.*-3/]),
  },
  "transpose() with only one axis is a TypeError": {
    run: ({ tensor }) => tensor([[1, 2]]).transpose(0),
    compare: throws("TypeError", /transpose/),
  },
  "transpose(0, 1) of a 1-D tensor is a RangeError: it has one axis": {
    run: ({ tensor }) => tensor([1, 2, 3]).transpose(0, 1),
    compare: throws("RangeError", /transpose/),
  },
  "flatten() gives a 1-D tensor in row-major order": {
    run: ({ tensor }) => tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], { dtype: "int8" }).flatten(),
    expect: want("int8", [1, 2, 3, 4, 5, 6, 7, 8]),
    compare: exact(),
  },
  "flatten() returns a view that shares data": {
    run: ({ tensor }) => {
      const x = tensor([[1, 2], [3, 4]]);
      x.flatten().data[3] = 40;
      return x;
    },
    expect: want("float32", [[1, 2], [3, 40]]),
    compare: exact(),
  },
  "reshape() of a string is a TypeError naming reshape": {
    run: ({ tensor }) => tensor([1, 2]).reshape("2" as never),
    compare: throws("TypeError", /reshape/),
  },
  "reshape(), flatten() and transpose() of a non-tensor are TypeErrors naming the operation": {
    run: ({ reshape, flatten, transpose }) => {
      const n = 5 as never;
      return [() => reshape(n, [1]), () => flatten(n), () => transpose(n)].map(attempt);
    },
    compare: throwsEach("TypeError", [/reshape/, /flatten/, /transpose/]),
  },
});
