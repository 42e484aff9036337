/**
 * The measurements of the main demo, as data (printing and charts live in main.ts and chart.ts).
 *
 * @module
 */
import { accuracy } from "@tinytorch/datasets";
import type { Linear, Sequential } from "@tinytorch/layers";
import {
  benchmarkForwardPaths,
  compareModelSizes,
  dequantizeInt8,
  type ForwardTiming,
  MinMaxObserver,
  PercentileObserver,
  quantizeInt8,
  quantizeModel,
} from "@tinytorch/quantization";
import { Rng, type Tensor, tensor } from "@tinytorch/tensor";

/** One quantized variant of the reference MLP. */
export interface VariantResult {
  readonly name: string;
  readonly accuracy: number;
  readonly dropPoints: number;
  readonly bytes: number;
  readonly ratio: number;
}

/** Accuracy and size of each quantization recipe. */
export function variants(
  fp32: Sequential,
  calibration: Tensor,
  test: { images: Tensor; labels: Tensor },
  base: number,
): VariantResult[] {
  const recipes = [
    { name: "per-tensor, min/max", perChannel: false, observer: "minmax" as const },
    { name: "per-channel, min/max", perChannel: true, observer: "minmax" as const },
    { name: "per-tensor, percentile 99.9", perChannel: false, observer: "percentile" as const },
    { name: "per-channel, percentile 99.9", perChannel: true, observer: "percentile" as const },
    {
      name: "per-channel, min/max, integer-only",
      perChannel: true,
      observer: "minmax" as const,
      integerOnly: true,
    },
  ];
  return recipes.map(({ name, ...options }) => {
    const { model } = quantizeModel(fp32, calibration, options);
    const acc = accuracy(model.forward(test.images), test.labels);
    const sizes = compareModelSizes(fp32, model);
    return {
      name,
      accuracy: acc,
      dropPoints: (base - acc) * 100,
      bytes: sizes.quantizedBytes,
      ratio: sizes.ratio,
    };
  });
}

/**
 * Accuracy and stored bytes when the weights get fewer bits (activations stay 7/8-bit; at 4
 * bits or fewer the weights are packed two per byte).
 */
export function bitsSweep(
  fp32: Sequential,
  calibration: Tensor,
  test: { images: Tensor; labels: Tensor },
): { bits: number; accuracy: number; bytes: number; ratio: number }[] {
  return [8, 6, 4, 3, 2].map((bits) => {
    const { model } = quantizeModel(fp32, calibration, { bits });
    const sizes = compareModelSizes(fp32, model);
    return {
      bits,
      accuracy: accuracy(model.forward(test.images), test.labels),
      bytes: sizes.quantizedBytes,
      ratio: sizes.ratio,
    };
  });
}

/** Same-run timings of the first layer (784→128) at batch 1 and 32. */
export async function speed(
  fp32: Sequential,
  images: Tensor,
  time: number,
): Promise<{ batch: number; timings: ForwardTiming[] }[]> {
  const layer = fp32.layers[0] as Linear;
  const out = [];
  for (const batch of [1, 32]) {
    const timings = await benchmarkForwardPaths(layer, images.slice(0, batch), {
      inputRange: { min: 0, max: 1 },
      time,
    });
    out.push({ batch, timings });
  }
  return out;
}

/** Errors of min/max and percentile ranges on one data set at one bit width. */
export interface ClippingResult {
  readonly data: string;
  readonly bits: number;
  readonly observer: string;
  readonly range: { min: number; max: number };
  readonly mseInside: number;
  readonly mseTotal: number;
}

function dataSets(): { name: string; values: number[] }[] {
  const rng = new Rng(2024);
  const gaussian = Array.from({ length: 10_000 }, () => rng.normal());
  gaussian.push(80, -80);
  const laplace = Array.from({ length: 10_000 }, () => {
    const u = rng.uniform(-0.5, 0.5);
    return -Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  });
  return [{ name: "N(0,1) + ±80", values: gaussian }, { name: "Laplace(0,1)", values: laplace }];
}

/**
 * What clipping buys, and what it costs, at 8 and 4 bits, on Gaussian data with two outliers at
 * ±80 and on heavy-tailed (Laplace) data: the error on the bulk of the values (those inside the
 * 99.9 percentile range, the same set for both observers) and over all values.
 */
export function clipping(): ClippingResult[] {
  const results: ClippingResult[] = [];
  for (const { name, values } of dataSets()) {
    const x = tensor(values);
    const bulk = new PercentileObserver({ percentile: 99.9 }).observe(x).range();
    for (const bits of [8, 4]) {
      for (const observer of [new MinMaxObserver(), new PercentileObserver({ percentile: 99.9 })]) {
        const range = observer.observe(x).range();
        const back = dequantizeInt8(quantizeInt8(x, { range, bits })).data;
        let inside = 0, n = 0, total = 0;
        for (let i = 0; i < values.length; i++) {
          const e = (back[i] - x.data[i]) ** 2;
          total += e;
          if (x.data[i] >= bulk.min && x.data[i] <= bulk.max) [inside, n] = [inside + e, n + 1];
        }
        const how = observer instanceof MinMaxObserver ? "min/max" : "percentile 99.9";
        results.push({
          data: name,
          bits,
          observer: how,
          range,
          mseInside: inside / n,
          mseTotal: total / values.length,
        });
      }
    }
  }
  return results;
}
