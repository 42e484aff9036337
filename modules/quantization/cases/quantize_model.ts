import { allClose, chunk, custom, defineCases, exact, randomValues } from "@tinytorch/course";
import { add, max, min, multiply, transpose } from "mathjs";
import type { QuantizedLinear } from "../mod.ts";
import type { Api } from "./api.ts";

// A 6→8→ReLU→3 model with seeded weights; the oracle recomputes it with mathjs.
const W1 = chunk(randomValues(48, { seed: 81, min: -0.6, max: 0.6 }), 6);
const b1 = randomValues(8, { seed: 82, min: -0.1, max: 0.1 });
const W2 = chunk(randomValues(24, { seed: 83, min: -0.6, max: 0.6 }), 8);
const b2 = randomValues(3, { seed: 84, min: -0.1, max: 0.1 });
const X = chunk(randomValues(40 * 6, { seed: 85, min: 0, max: 1 }), 6);

const linear = (x: number[][], w: number[][], b: number[]) =>
  add(multiply(x, transpose(w)), x.map(() => b)) as number[][];
const hidden = () => linear(X, W1, b1).map((row) => row.map((v) => Math.max(0, v)));

function model(api: Api) {
  const l1 = new api.Linear(6, 8);
  const l2 = new api.Linear(8, 3);
  [l1.weight, l1.bias, l2.weight, l2.bias] = [
    api.tensor(W1),
    api.tensor(b1),
    api.tensor(W2),
    api.tensor(b2),
  ];
  return new api.Sequential(l1, new api.ReLU(), l2);
}

const close = allClose({ rtol: 1e-6, atol: 1e-7 });

export default defineCases<Api>("quantization.8", {
  "Linear layers become QuantizedLinear, activations stay": {
    run: (api) => {
      const { model: q, report } = api.quantizeModel(model(api), api.tensor(X));
      return {
        layers: q.layers.map((l) => l.constructor.name),
        calibrated: q.layers.map((l) => l instanceof api.QuantizedLinear && l.calibrated),
        reported: report.map((r) => r.index),
      };
    },
    expect: {
      layers: ["QuantizedLinear", "ReLU", "QuantizedLinear"],
      calibrated: [true, false, true],
      reported: [0, 2],
    },
    compare: exact(),
  },
  "min/max calibration sees the float32 activations of each layer": {
    run: (api) => api.quantizeModel(model(api), api.tensor(X)).report.map((r) => r.inputRange),
    expect: () => [
      { min: min(X) as number, max: max(X) as number },
      { min: min(hidden()) as number, max: max(hidden()) as number },
    ],
    compare: close,
  },
  "percentile calibration narrows the ranges": {
    run: (api) =>
      api.quantizeModel(model(api), api.tensor(X), { observer: "percentile", percentile: 90 })
        .report
        .map((r) => r.inputRange),
    expect: () => {
      const p = (values: number[]) => {
        const s = [...values].sort((a, b) => a - b);
        const at = (q: number) => {
          const r = q * (s.length - 1);
          const lo = Math.floor(r);
          return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (r - lo);
        };
        return { min: at(0.1), max: at(0.9) };
      };
      return [p(X.flat().map(Math.fround)), p(hidden().flat())];
    },
    compare: allClose({ rtol: 1e-5, atol: 1e-6 }),
  },
  "the quantized model is within 2% of float32 and the original is untouched": {
    run: (api) => {
      const fp32 = model(api);
      const first = fp32.layers[0] as InstanceType<Api["Linear"]>;
      const before = Array.from(first.weight.data);
      const { model: q } = api.quantizeModel(fp32, api.tensor(X));
      const y = q.forward(api.tensor(X)).toArray() as number[][];
      const same = fp32.layers[0] === first && before.every((v, i) => v === first.weight.data[i]);
      return { y, untouched: same && fp32.layers[0] instanceof api.Linear };
    },
    expect: () => ({ y: linear(hidden(), W2, b2), untouched: true }),
    compare: custom("relative RMS ≤ 2%, original untouched", (got, want) => {
      const g = got as { y: number[][]; untouched: boolean };
      const w = (want as { y: number[][] }).y.flat();
      if (!g.untouched) return "the original model was modified";
      const f = g.y.flat();
      if (f.length !== w.length) return `expected ${w.length} outputs, got ${f.length}`;
      const error = Math.hypot(...f.map((v, i) => v - w[i])) / Math.hypot(...w);
      if (error === 0) return "the output is exactly float32's: the model was not quantized";
      return error <= 0.02 ? null : `relative RMS error ${error.toFixed(4)} > 0.02`;
    }),
  },
  "the report's errors are small and progress is reported per layer": {
    run: (api) => {
      const calls: number[][] = [];
      const { report } = api.quantizeModel(model(api), api.tensor(X), {
        onProgress: (done, total) => calls.push([done, total]),
      });
      return { calls, small: report.every((r) => r.outputError > 0 && r.outputError < 0.02) };
    },
    expect: { calls: [[1, 3], [2, 3], [3, 3]], small: true },
  },
  "the quantized model stores about a quarter of the bytes": {
    run: (api) => {
      const fp32 = model(api);
      const { model: q } = api.quantizeModel(fp32, api.tensor(X));
      return api.compareModelSizes(fp32, q);
    },
    // fp32: (48 + 8 + 24 + 3) · 4 = 332; int8: 48 + 8·4·2 + 8·4 (bias) + 24 + 3·4·2 + 3·4
    expect: { originalBytes: 332, quantizedBytes: 48 + 64 + 32 + 24 + 24 + 12 },
  },
  "Dropout in training mode is the identity during calibration; the original keeps its modes": {
    run: (api) => {
      const [l1, relu, l2] = model(api).layers;
      const dropout = new api.Dropout(0.5, { seed: 1 });
      const fp32 = new api.Sequential(l1, relu, dropout, l2);
      const { model: q, report } = api.quantizeModel(fp32, api.tensor(X));
      const copy = q.layers[2];
      return {
        ranges: report.map((r) => r.inputRange),
        copyIsNewAndEval: copy instanceof api.Dropout && copy !== dropout && !copy.training,
        originalModes: [relu.training, dropout.training, fp32.training],
        quantizedModes: [q.training, q.layers[1] !== relu && !q.layers[1].training],
      };
    },
    expect: () => ({
      ranges: [
        { min: min(X) as number, max: max(X) as number },
        { min: min(hidden()) as number, max: max(hidden()) as number },
      ],
      copyIsNewAndEval: true,
      originalModes: [true, true, true],
      quantizedModes: [false, true],
    }),
    compare: close,
  },
  "perChannel: false gives one weight scale per layer": {
    run: (api) =>
      api.quantizeModel(model(api), api.tensor(X), { perChannel: false }).model.layers
        .filter((l) => l instanceof api.QuantizedLinear)
        .map((l) => {
          const w = (l as QuantizedLinear).weight;
          return { axis: w.axis, scales: w.scale.length };
        }),
    expect: [{ axis: null, scales: 1 }, { axis: null, scales: 1 }],
  },
  "bits: 4 gives 4-bit weights in [-7, 7]": {
    run: (api) =>
      api.quantizeModel(model(api), api.tensor(X), { bits: 4 }).model.layers
        .filter((l) => l instanceof api.QuantizedLinear)
        .map((l) => {
          const w = (l as QuantizedLinear).weight;
          return { bits: w.bits, inRange: w.values.data.every((v) => v >= -7 && v <= 7) };
        }),
    expect: [{ bits: 4, inRange: true }, { bits: 4, inRange: true }],
  },
  "nested Sequentials are quantized too": {
    run: (api) => {
      const [l1, relu, l2] = model(api).layers;
      const nested = new api.Sequential(new api.Sequential(l1, relu), l2);
      return api.quantizeModel(nested, api.tensor(X)).model.layers.map((l) => l.constructor.name);
    },
    expect: ["QuantizedLinear", "ReLU", "QuantizedLinear"],
  },
});
