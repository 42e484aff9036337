import { defineCases, exact, randomValues } from "@tinytorch/course";
import type { Api } from "./api.ts";

// A naive oracle, separate on purpose: expectations never come from the code under test.
/** The oracle: the definition, written out in plain arrays. */
function naive(x: number[], w: number[], m: number, n: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += x[i * k + p] * w[j * k + p];
      out.push(sum);
    }
  }
  return out;
}

const ints = (count: number, seed: number) =>
  randomValues(count, { seed, min: -128, max: 128, integers: true });

function randomCase(m: number, n: number, k: number, seed: number) {
  const x = ints(m * k, seed);
  const w = ints(n * k, seed + 1);
  return {
    run: ({ matmulInt8Scalar }: Api) =>
      matmulInt8Scalar(Int8Array.from(x), Int8Array.from(w), { m, n, k }),
    expect: () => Int32Array.from(naive(x, w, m, n, k)),
    compare: exact(),
  };
}

export default defineCases<Api>("quantization.6", {
  "x @ wᵀ by hand: a 2x3 input and a 4x3 weight": {
    run: ({ matmulInt8Scalar }) =>
      matmulInt8Scalar(
        Int8Array.of(1, 2, 3, -1, 0, 1),
        Int8Array.of(1, 0, 0, 0, 1, 0, 1, 1, 1, -2, 5, 7),
        {
          m: 2,
          n: 4,
          k: 3,
        },
      ),
    expect: Int32Array.of(1, 2, 6, 29, -1, 0, 0, 9),
  },
  "int32 accumulation: 784 products of -128·-128 do not overflow int8 or int16": {
    run: ({ matmulInt8Scalar }) => {
      const k = 784;
      const w = new Int8Array(2 * k).fill(-128).fill(127, k);
      return matmulInt8Scalar(new Int8Array(k).fill(-128), w, { m: 1, n: 2, k });
    },
    expect: Int32Array.of(128 * 128 * 784, -128 * 127 * 784),
  },
  "int32 accumulation past 2^24: 1100 products of -128·-128 then 100 of 1": {
    // 1100 · 16384 = 18,022,400 is above 2^24, where float32 steps by 2: a float32 sum loses the 1s.
    run: ({ matmulInt8Scalar }) => {
      const v = new Int8Array(1200).fill(-128).fill(1, 1100);
      return matmulInt8Scalar(v, v, { m: 1, n: 1, k: 1200 });
    },
    expect: Int32Array.of(1100 * 16384 + 100),
  },
  "random 1x1x1": randomCase(1, 1, 1, 11),
  "random 3x5x17 (K not a multiple of 16)": randomCase(3, 5, 17, 21),
  "random 4x10x784 (an MNIST batch)": randomCase(4, 10, 784, 31),
  "random 1x128x64 (batch 1)": randomCase(1, 128, 64, 41),
});
