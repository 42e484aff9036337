/**
 * Hidden cases of the quantization module: other ranges, shapes, bit widths and seeds than the
 * visible ones. Expectations come from the reference implementation (computed by the grader),
 * so reading this file during grading does not reveal an answer.
 *
 * @module
 */
import { allClose, chunk, defineCases, exact, randomValues } from "@tinytorch/course";
import { type Api, parts } from "../../../modules/quantization/cases/api.ts";

const close = allClose({ rtol: 1e-5, atol: 1e-6 });
const grid = (rows: number, cols: number, seed: number, min = -3, max = 3) =>
  chunk(randomValues(rows * cols, { seed, min, max }), cols);
const ints = (count: number, seed: number) =>
  Int8Array.from(randomValues(count, { seed, min: -128, max: 128, integers: true }));

export default [
  defineCases<Api>("quantization.1", {
    "every half from -20.5 to 20.5": {
      run: ({ roundHalfToEven }) => Array.from({ length: 42 }, (_, i) => roundHalfToEven(i - 20.5)),
      expect: "reference",
      compare: exact(),
    },
    "near-halves and large values": {
      run: ({ roundHalfToEven }) =>
        [0.5 - 2 ** -53, 0.5 + 2 ** -52, -0.5 - 2 ** -52, 1e15 + 0.5, -(2 ** 52) - 0.5].map(
          roundHalfToEven,
        ),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("quantization.2", {
    "ranges of both schemes at 8, 6 and 3 bits": {
      run: ({ quantizationParams }) => {
        const ranges: [number, number][] = [[-0.7, 2.3], [0.25, 4], [-9, -3], [0, 0], [-5, 5]];
        return ["asymmetric", "symmetric"].flatMap((scheme) =>
          [8, 6, 3].flatMap((bits) =>
            ranges.map(([min, max]) =>
              quantizationParams(min, max, { scheme: scheme as "asymmetric", bits })
            )
          )
        );
      },
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("quantization.3", {
    "a seeded [6,10] per column, asymmetric": {
      run: ({ tensor, quantizeInt8 }) =>
        parts(quantizeInt8(tensor(grid(6, 10, 1301)), { axis: 1 })),
      expect: "reference",
      compare: exact(),
    },
    "a seeded [4,3,5] per tensor at 5 bits, symmetric": {
      run: ({ tensor, quantizeInt8 }) =>
        parts(
          quantizeInt8(tensor(randomValues(60, { seed: 1302 }), { shape: [4, 3, 5] }), {
            scheme: "symmetric",
            bits: 5,
          }),
        ),
      expect: "reference",
      compare: exact(),
    },
    "ties inside the range round half to even (scale exactly 0.5)": {
      run: ({ tensor, quantizeInt8 }) =>
        quantizeInt8(tensor([63.5, 0.25, 0.75, -0.25, -0.75, 1.25, -1.25]), { scheme: "symmetric" })
          .values,
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("quantization.4", {
    "dequantize a per-row quantized [5,7]": {
      run: ({ tensor, quantizeInt8, dequantizeInt8 }) =>
        dequantizeInt8(quantizeInt8(tensor(grid(5, 7, 1303, -1, 4)), { axis: 0 })),
      expect: "reference",
      compare: close,
    },
  }),
  defineCases<Api>("quantization.5", {
    "percentiles of 257 seeded values": {
      run: ({ percentile }) => {
        const sorted = randomValues(257, { seed: 1304, min: -3, max: 3 }).sort((a, b) => a - b);
        return [0, 12.5, 33.3, 87.5, 99.9, 100].map((p) => percentile(sorted, p));
      },
      expect: "reference",
      compare: close,
    },
    "the observer at 95 over three batches": {
      run: ({ tensor, PercentileObserver }) => {
        const o = new PercentileObserver({ percentile: 95 });
        for (const seed of [1305, 1306, 1307]) o.observe(tensor(grid(4, 25, seed)));
        return o.range();
      },
      expect: "reference",
      compare: close,
    },
  }),
  defineCases<Api>("quantization.6", {
    "int8 matmul of [3,37] by [5,37]ᵀ": {
      run: ({ matmulInt8Scalar }) =>
        matmulInt8Scalar(ints(3 * 37, 1308), ints(5 * 37, 1309), { m: 3, n: 5, k: 37 }),
      expect: "reference",
      compare: exact(),
    },
  }),
  defineCases<Api>("quantization.7", {
    "QuantizedLinear(11, 4) on the integer path, per-channel weights": {
      run: ({ tensor, Linear, QuantizedLinear }) => {
        const fp32 = new Linear(11, 4, { seed: 1310 });
        const q = QuantizedLinear.fromLinear(fp32, {
          inputRange: { min: -1, max: 1 },
          kernel: "scalar",
        });
        return q.forwardInt8(tensor(grid(3, 11, 1311, -1, 1)));
      },
      expect: "reference",
      compare: allClose({ rtol: 1e-4, atol: 1e-5 }),
    },
  }),
  defineCases<Api>("quantization.8", {
    "quantize a 5 → 6 → ReLU → 2 model: layer types and calibrated ranges": {
      run: ({ tensor, Linear, ReLU, Sequential, quantizeModel }) => {
        const model = new Sequential(
          new Linear(5, 6, { seed: 1312 }),
          new ReLU(),
          new Linear(6, 2, { seed: 1313 }),
        );
        const { model: q, report } = quantizeModel(model, tensor(grid(16, 5, 1314, 0, 1)));
        return {
          layers: q.layers.map((l) => l.constructor.name),
          ranges: report.map((r) => r.inputRange),
        };
      },
      expect: "reference",
      compare: close,
    },
  }),
];
