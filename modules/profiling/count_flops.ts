import { elementCount, leafLayers, shapeText } from "./_layers.ts";
import type { Model } from "./protocol.ts";

/** The FLOPs of one leaf layer in {@linkcode countFlops}. */
export interface LayerFlops {
  /** Index path and layer, e.g. `"0:Linear(784, 128)"`. */
  readonly name: string;
  /** The shape the layer receives. */
  readonly inputShape: number[];
  /** The shape it returns. */
  readonly outputShape: number[];
  /** Its floating-point operations for that input. */
  readonly flops: number;
}

/** The result of {@linkcode countFlops}. */
export interface FlopCount {
  /** The sum over the layers. */
  readonly total: number;
  /** One entry per leaf layer, in execution order (a container's layers are expanded). */
  readonly layers: LayerFlops[];
}

/**
 * Counts the floating-point operations of one forward pass of `model` on an input of shape
 * `inputShape` (batch included: the batch multiplies everything), layer by layer.
 *
 * Convention (the one `@tinytorch/layers` implements in `flops(inShape)`):
 * - a multiply-add is 2 FLOPs and a bias add is 1: `Linear(in, out)` on `[B, in]` costs
 *   `2·B·in·out + B·out` (`Linear(784, 128)` on `[1, 784]`: 200,704 + 128 = 200,832);
 * - an element-wise activation costs 1 FLOP per element, whatever the function really costs:
 *   ReLU, and also Sigmoid, Tanh, GELU and Softmax (which need an `exp`, a division, a sum...);
 * - pure data movement (Flatten, Dropout in eval mode) costs 0.
 *
 * What to do for each leaf layer (use the given `leafLayers(model, "count the FLOPs of")`):
 * 1. the output shape is `layer.outputShape(shape)`; a layer without `outputShape` keeps the shape;
 * 2. the FLOPs are `layer.flops(shape)` when the layer defines it; otherwise, if the layer keeps the
 *    shape, it is taken as element-wise: 1 FLOP per output element; a layer that changes the shape
 *    and has no `flops` cannot be counted: throw a `TypeError` naming it;
 * 3. the next layer receives this output shape.
 *
 * @example Usage
 * ```ts
 * import { countFlops } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const relu = { forward: (x: unknown) => x }; // keeps the shape, no flops(): 1 per element
 * assert.equal(countFlops(relu, [2, 3]).total, 6);
 * ```
 *
 * @param model A layer or a container.
 * @param inputShape The input's shape, batch first.
 * @returns The total and the per-layer counts.
 * @throws {TypeError} If `inputShape` is not an array of numbers, `model` is not a model, or a
 * shape-changing layer has no `flops`.
 * @throws {RangeError} If a dimension is negative or fractional, or a layer rejects the shape it
 * receives: the message names the input shape and the layer's.
 */
export function countFlops(model: Model, inputShape: readonly number[]): FlopCount {
  // #region solution profiling.2
  if (!Array.isArray(inputShape) || inputShape.some((d) => typeof d !== "number")) {
    throw new TypeError(`Cannot count FLOPs for input shape ${inputShape}: expected numbers`);
  }
  if (inputShape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError(
      `Cannot count FLOPs for input shape ${
        shapeText(inputShape)
      }: dimensions must be integers ≥ 0`,
    );
  }
  const layers: LayerFlops[] = [];
  let shape = [...inputShape];
  for (const { name, layer } of leafLayers(model, "count the FLOPs of")) {
    let outputShape: number[];
    let flops: number;
    try {
      outputShape = layer.outputShape ? [...layer.outputShape(shape)] : [...shape];
      flops = layer.flops ? layer.flops(shape) : elementwiseFlops(name, shape, outputShape);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new RangeError(
        `Cannot count FLOPs for input shape ${shapeText(inputShape)}: layer ${name} cannot take ${
          shapeText(shape)
        } (${error.message})`,
      );
    }
    layers.push({ name, inputShape: shape, outputShape, flops });
    shape = outputShape;
  }
  return { total: layers.reduce((sum, l) => sum + l.flops, 0), layers };
  // #endregion
}

function elementwiseFlops(name: string, inShape: number[], outShape: number[]): number {
  if (shapeText(inShape) !== shapeText(outShape)) {
    throw new TypeError(
      `Cannot count the FLOPs of layer ${name}: it maps ${shapeText(inShape)} to ${
        shapeText(outShape)
      } and defines no flops(inShape)`,
    );
  }
  return elementCount(outShape);
}
