import { allClose, defineCases, exact, randomValues } from "@tinytorch/course";
import { erf } from "mathjs";
import type { Api } from "./api.ts";

const geluExact = (x: number) => 0.5 * x * (1 + (erf(x / Math.SQRT2) as number));
const geluTanh = (x: number) =>
  0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const wide = randomValues(24, { seed: 21, min: -8, max: 8 });
const gel = randomValues(32, { seed: 22, min: -5, max: 5 });
const close = allClose({ rtol: 1e-6, atol: 1e-7 });

export default defineCases<Api>("layers.1", {
  "relu() zeroes the negatives and keeps the rest": {
    run: ({ relu, tensor }) => relu(tensor([[-2, -0.5, 0], [0.5, 3, -1e30]])),
    expect: [[0, 0, 0], [0.5, 3, 0]],
    compare: exact(),
  },
  "relu() keeps an int32 tensor int32": {
    run: ({ relu, tensor }) => relu(tensor([-3, 4, -5, 6], { dtype: "int32", shape: [2, 2] })),
    expect: { dtype: "int32", shape: [2, 2], data: Int32Array.of(0, 4, 0, 6) },
    compare: exact(),
  },
  "relu() returns a new tensor and leaves its input unchanged": {
    run: ({ relu, tensor }) => {
      const x = tensor([-1, 2]);
      relu(x).data[1] = 99;
      return x;
    },
    expect: [-1, 2],
    compare: exact(),
  },
  "ReLU.forward() on a 3-D batch keeps the shape": {
    run: ({ ReLU, tensor }) => new ReLU().forward(tensor([[[1, -1]], [[-2, 2]]])),
    expect: [[[1, 0]], [[0, 2]]],
    compare: exact(),
  },
  "sigmoid() is finite at ±1000 and 0.5 at 0": {
    run: ({ sigmoid, tensor }) => sigmoid(tensor([-1000, -20, 0, 20, 1000])),
    expect: [0, 2.0611536e-9, 0.5, 1, 1],
    compare: allClose({ rtol: 1e-6, atol: 0 }),
  },
  "sigmoid() matches 1/(1+e^-x) on random inputs in [-8, 8)": {
    run: ({ sigmoid, tensor }) => sigmoid(tensor(wide)),
    expect: () => wide.map(logistic),
    compare: close,
  },
  "Sigmoid.forward() on a batch": {
    run: ({ Sigmoid, tensor }) => new Sigmoid().forward(tensor([[0, 2], [-2, 0]])),
    expect: () => [[0.5, logistic(2)], [logistic(-2), 0.5]],
    compare: close,
  },
  "tanh() saturates to ±1 at ±1000": {
    run: ({ tanh, tensor }) => tanh(tensor([-1000, -1, 0, 1, 1000])),
    expect: [-1, -0.7615941559557649, 0, 0.7615941559557649, 1],
    compare: close,
  },
  "Tanh.forward() matches Math.tanh on random inputs": {
    run: ({ Tanh, tensor }) => new Tanh().forward(tensor(wide, { shape: [4, 6] })),
    expect: () => [0, 1, 2, 3].map((r) => wide.slice(r * 6, r * 6 + 6).map(Math.tanh)),
    compare: close,
  },
  "gelu() is x·Φ(x): gelu(1) = 0.8413447": {
    run: ({ gelu, tensor }) => gelu(tensor([-3, -1, 0, 1, 3])),
    expect: [-0.0040496965, -0.15865525, 0, 0.8413447, 2.9959503],
    compare: close,
  },
  "gelu() matches 0.5·x·(1 + erf(x/√2)) (mathjs) on random inputs": {
    run: ({ gelu, tensor }) => gelu(tensor(gel)),
    expect: () => gel.map(geluExact),
    compare: close,
  },
  "gelu() saturates: gelu(10) = 10, gelu(-10) ≈ 0": {
    run: ({ gelu, tensor }) => gelu(tensor([-10, 10, -1e6, 1e6])),
    expect: [0, 10, 0, 1e6],
    compare: close,
  },
  "gelu({ approximate: 'tanh' }) uses the tanh formula": {
    run: ({ gelu, tensor }) => gelu(tensor(gel), { approximate: "tanh" }),
    expect: () => gel.map(geluTanh),
    compare: close,
  },
  "GELU layers: exact by default, tanh on request": {
    run: ({ GELU, tensor }) => ({
      exact: new GELU().forward(tensor([2.7])),
      tanh: new GELU({ approximate: "tanh" }).forward(tensor([2.7])),
    }),
    expect: () => ({ exact: [geluExact(2.7)], tanh: [geluTanh(2.7)] }),
    compare: close,
  },
});
