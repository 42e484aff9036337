import { allClose, defineCases, throws } from "@tinytorch/course";
import { type Api, matrix } from "./api.ts";

/** Softmax of one list of numbers, in float64, max-subtracted. */
function softmaxRow(row: number[]): number[] {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));
const scores = matrix(4, 6, 31, [-10, 10]);
const shifted = scores.map((r) => r.map((v) => Math.fround(v + 500)));
const cube = [matrix(3, 4, 32, [-5, 5]), matrix(3, 4, 33, [-5, 5])];
const close = allClose({ rtol: 1e-5, atol: 1e-7 });

export default defineCases<Api>("layers.2", {
  "softmax([1000, 1001, 1002]) is finite and sums to 1": {
    run: ({ softmax, tensor }) => softmax(tensor([1000, 1001, 1002])),
    expect: [0.09003057, 0.24472847, 0.66524096],
    compare: allClose({ rtol: 1e-6, atol: 0 }),
  },
  "softmax() of very negative scores": {
    run: ({ softmax, tensor }) => softmax(tensor([[-1000, -1000], [-1000, -1e4]])),
    expect: [[0.5, 0.5], [1, 0]],
    compare: close,
  },
  "softmax() normalises each row by default (axis -1)": {
    run: ({ softmax, tensor }) => softmax(tensor(scores)),
    expect: () => scores.map(softmaxRow),
    compare: close,
  },
  "softmax along axis 1 of rows with very different scales": {
    run: ({ softmax, tensor }) =>
      softmax(tensor([[1000, 1001, 1002], [0, 1, 2], [-1000, -999, -998]])),
    expect: () => [0, 1, 2].map(() => softmaxRow([0, 1, 2])),
    compare: close,
  },
  "softmax({ axis: 0 }) normalises each column": {
    run: ({ softmax, tensor }) => softmax(tensor(scores), { axis: 0 }),
    expect: () => transpose(transpose(scores).map(softmaxRow)),
    compare: close,
  },
  "softmax({ axis: 1 }) on a 3-D tensor": {
    run: ({ softmax, tensor }) => softmax(tensor(cube), { axis: 1 }),
    expect: () => cube.map((m) => transpose(transpose(m).map(softmaxRow))),
    compare: close,
  },
  "softmax() of scores near 500 (e^500 overflows float32) is finite and exact": {
    run: ({ softmax, tensor }) => softmax(tensor(shifted)),
    expect: () => shifted.map(softmaxRow),
    compare: close,
  },
  "Softmax.forward() uses the layer's axis": {
    run: ({ Softmax, tensor }) => ({
      last: new Softmax().forward(tensor([[0, Math.log(3)]])),
      first: new Softmax({ axis: 0 }).forward(tensor([[0, 5], [Math.log(3), 5]])),
    }),
    expect: { last: [[0.25, 0.75]], first: [[0.25, 0.5], [0.75, 0.5]] },
    compare: close,
  },
  "softmax() rejects an axis the tensor does not have": {
    run: ({ softmax, tensor }) => softmax(tensor([[1, 2]]), { axis: 2 }),
    compare: throws("RangeError"),
  },
});
