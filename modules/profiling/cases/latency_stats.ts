import { allClose, custom, defineCases, randomValues, throws } from "@tinytorch/course";
import { max, mean, median, min, quantileSeq, std } from "mathjs";
import type { Api } from "./mod.ts";

const tight = allClose({ rtol: 1e-12, atol: 0 });
const noisy = randomValues(101, { seed: 14, min: 0.5, max: 3 });
const even = randomValues(40, { seed: 41, min: 1, max: 9 });

/** The oracle: mathjs (sample std, linear-interpolated quantiles like NumPy's default). */
function oracle(x: number[]) {
  return {
    mean: mean(x),
    median: median(x),
    p95: quantileSeq(x, 0.95) as number,
    p99: quantileSeq(x, 0.99) as number,
    min: min(x),
    max: max(x),
    std: std(x) as unknown as number,
    samples: x.length,
  };
}

export default defineCases<Api>("profiling.4", {
  "five samples, by hand": {
    run: ({ latencyStats }) => latencyStats([4, 1, 3, 2, 10]),
    // sorted 1 2 3 4 10; p95: h = 4·0.95 = 3.8 → 4 + 0.8·6; std: Σd² = 50, /(5−1)
    expect: {
      mean: 4,
      median: 3,
      p95: 8.8,
      p99: 9.76,
      min: 1,
      max: 10,
      std: Math.sqrt(12.5),
      samples: 5,
    },
    compare: tight,
  },
  "an even count interpolates the median": {
    run: ({ latencyStats }) => latencyStats([3, 1, 4, 2]).median,
    expect: 2.5,
  },
  "one sample: every statistic is that sample, std 0": {
    run: ({ latencyStats }) => latencyStats([2.5]),
    expect: { mean: 2.5, median: 2.5, p95: 2.5, p99: 2.5, min: 2.5, max: 2.5, std: 0, samples: 1 },
  },
  "numbers sort as numbers, not as strings": {
    run: ({ latencyStats }) => {
      const s = latencyStats([9, 10, 100, 2]);
      return [s.min, s.median, s.max];
    },
    expect: [2, 9.5, 100],
  },
  "101 random samples agree with mathjs": {
    run: ({ latencyStats }) => latencyStats(noisy),
    expect: () => oracle(noisy),
    compare: tight,
  },
  "40 random samples agree with mathjs": {
    run: ({ latencyStats }) => latencyStats(even),
    expect: () => oracle(even),
    compare: tight,
  },
  "the caller's array is left as it was": {
    run: ({ latencyStats }) => {
      const samples = [5, 3, 4];
      latencyStats(samples);
      return samples;
    },
    expect: [5, 3, 4],
  },
  "measureLatency: exactly `iterations` samples, min ≤ median ≤ p95 ≤ p99 ≤ max": {
    run: async ({ measureLatency }) => {
      // The timed function spins for 0.2 ms, so every sample is at least that: made-up statistics
      // (zeros, a constant) and a function that is never called both fail.
      let calls = 0;
      const spin = (ms: number) => {
        calls++;
        const start = performance.now();
        while (performance.now() - start < ms) {
          // busy
        }
      };
      const stats = await measureLatency(spin, 0.2, { iterations: 25, warmup: 3 });
      return { ...stats, calls };
    },
    compare: custom("ordered statistics of a 0.2 ms function", (got) => {
      const s = got as Record<string, number>;
      if (s.samples !== 25) return `samples is ${s.samples}, want 25`;
      if (!(s.calls >= 28)) return `the function ran ${s.calls} times, want 3 warm-up + 25 timed`;
      if (!(s.min >= 0.2)) return `min is ${s.min} ms, but every call takes at least 0.2 ms`;
      const order = [s.min, s.median, s.p95, s.p99, s.max];
      const ok = order.every((v, i) => v >= 0 && (i === 0 || order[i - 1] <= v)) &&
        s.min <= s.mean && s.mean <= s.max && s.std >= 0;
      return ok ? null : `statistics out of order: ${JSON.stringify(s)}`;
    }),
  },
  "no samples: RangeError": {
    run: ({ latencyStats }) => latencyStats([]),
    compare: throws("RangeError"),
  },
  "no samples: the RangeError says there are no latency samples": {
    run: ({ latencyStats }) => latencyStats([]),
    compare: throws("RangeError", /sample/),
  },
  "a negative sample: RangeError": {
    run: ({ latencyStats }) => latencyStats([1, -0.5]),
    compare: throws("RangeError", /-0\.5/),
  },
  "a negative first sample: RangeError naming sample 0": {
    run: ({ latencyStats }) => latencyStats([-1, 2]),
    compare: throws("RangeError", /sample 0\b.*-1/),
  },
  "a sample of 0 ms (below the timer's resolution) is a valid time": {
    run: ({ latencyStats }) => latencyStats([0, 2]),
    expect: { mean: 1, median: 1, min: 0, max: 2, samples: 2 },
  },
  "a NaN sample: RangeError": {
    run: ({ latencyStats }) => latencyStats([1, NaN]),
    compare: throws("RangeError", /NaN/),
  },
  "an infinite sample: RangeError": {
    run: ({ latencyStats }) => latencyStats([2, Infinity, 1]),
    compare: throws("RangeError", /Infinity/),
  },
  "not an array of numbers: TypeError": {
    run: ({ latencyStats }) => latencyStats(["1", "2"] as never),
    compare: throws("TypeError"),
  },
  "not an array of numbers: the TypeError says latency samples were expected": {
    run: ({ latencyStats }) => latencyStats(["1", "2"] as never),
    compare: throws("TypeError", /sample/),
  },
});
