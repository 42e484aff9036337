import { allClose, defineCases, exact, randomValues } from "@tinytorch/course";
import { quantileSeq } from "mathjs";
import type { Api } from "./api.ts";

/** Seeded Gaussian (Box-Muller) and Laplace samples from uniform test data. */
const u = randomValues(20_000, { seed: 99, min: 1e-7, max: 1 });
const gaussian = Array.from(
  { length: 10_000 },
  (_, i) => Math.sqrt(-2 * Math.log(u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]),
);
const laplace = u.slice(0, 10_000).map((v, i) => (i % 2 ? 1 : -1) * -Math.log(v));

function errors(api: Api, values: number[], bits: number) {
  const x = api.tensor(values);
  const bulk = new api.PercentileObserver().observe(x).range();
  const mse = (range: { min: number; max: number }) => {
    const back = api.dequantizeInt8(api.quantizeInt8(x, { range, bits })).data;
    let inside = 0, n = 0, all = 0;
    x.data.forEach((v, i) => {
      const e = (back[i] - v) ** 2;
      all += e;
      if (v >= bulk.min && v <= bulk.max) [inside, n] = [inside + e, n + 1];
    });
    return { bulk: inside / n, all: all / x.size };
  };
  return { minmax: mse(new api.MinMaxObserver().observe(x).range()), percentile: mse(bulk) };
}

const close = allClose({ rtol: 1e-6, atol: 1e-9 });
const sample = randomValues(1001, { seed: 7, min: -2, max: 2 });
const sorted = [...sample].sort((a, b) => a - b);

export default defineCases<Api>("quantization.5", {
  "linear interpolation between neighbours (NumPy's default)": {
    run: ({ percentile }) => [50, 90, 25, 0, 100].map((p) => percentile([1, 2, 3, 4], p)),
    expect: [2.5, 3.7, 1.75, 1, 4],
    compare: close,
  },
  "bit for bit np.percentile: it interpolates from the nearer neighbour": {
    // NumPy 2.4's lerp: a + (b - a)·t for t < 0.5, b - (b - a)·(1 - t) for t ≥ 0.5. The other
    // form is one ulp off at 10 and 25, or at 50, 75 and 90 (values printed by np.percentile).
    run: ({ percentile }) => [10, 25, 50, 75, 90].map((p) => percentile([-2.19, 2.08], p)),
    expect: [-1.763, -1.1225, -0.054999999999999716, 1.0125000000000002, 1.6530000000000002],
    compare: exact(),
  },
  "a single value is every percentile": {
    run: ({ percentile }) => [0, 37.5, 100].map((p) => percentile([5], p)),
    expect: [5, 5, 5],
  },
  "matches mathjs quantileSeq on random data": {
    run: ({ percentile }) => [0.1, 1, 50, 99, 99.9].map((p) => percentile(sorted, p)),
    expect: () => [0.001, 0.01, 0.5, 0.99, 0.999].map((p) => quantileSeq(sorted, p) as number),
    compare: close,
  },
  "the observer's range is [P(100-p), P(p)] over every observed batch": {
    run: ({ arange, tensor, PercentileObserver }) => [
      new PercentileObserver({ percentile: 90 }).observe(arange(0, 11)).range(),
      new PercentileObserver({ percentile: 75 }).observe(tensor([4, 0])).observe(tensor([2, 1, 3]))
        .range(),
    ],
    expect: [{ min: 1, max: 9 }, { min: 1, max: 3 }],
    compare: close,
  },
  "two outliers at ±80 are clipped away at 99.9": {
    run: ({ tensor, PercentileObserver }) =>
      new PercentileObserver().observe(tensor([...sample, 80, -80])).range(),
    expect: () => {
      const all = [...sample, 80, -80].sort((a, b) => a - b);
      return { min: quantileSeq(all, 0.001) as number, max: quantileSeq(all, 0.999) as number };
    },
    compare: close,
  },
  "both sides of clipping: outliers at ±80, 8 bits": {
    run: (api) => {
      const { minmax, percentile } = errors(api, [...gaussian, 80, -80], 8);
      return {
        bulkErrorCutMoreThan100x: percentile.bulk * 100 < minmax.bulk,
        totalErrorWorse: percentile.all > minmax.all,
      };
    },
    expect: { bulkErrorCutMoreThan100x: true, totalErrorWorse: true },
  },
  "heavy tails (Laplace), 4 bits: the percentile range wins on total error": {
    run: (api) => {
      const { minmax, percentile } = errors(api, laplace, 4);
      return { percentileWins: percentile.all < minmax.all };
    },
    expect: { percentileWins: true },
  },
});
