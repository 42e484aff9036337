/**
 * The base class of the activation layers.
 *
 * @module
 */
import { sizeOf } from "./_shape.ts";
import { Layer } from "./layer.ts";

/**
 * A layer without parameters that keeps the shape of its input: ReLU, Sigmoid, Tanh, GELU and
 * Softmax. By the FLOP convention of {@linkcode Layer} it costs 1 FLOP per element, whatever
 * the function really costs (an `exp` and a division for Sigmoid, say): counts stay comparable
 * with PyTorch profilers that count activations the same way.
 *
 * @example Usage
 * ```ts
 * import { ReLU } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * assert.equal(new ReLU().flops([32, 128]), 4096); // one per element
 * ```
 */
export abstract class Activation extends Layer {
  /**
   * One FLOP per element.
   *
   * @param inShape The input shape.
   * @returns The number of elements.
   * @throws {RangeError} If the shape does not fit the layer.
   */
  override flops(inShape: readonly number[]): number {
    return sizeOf(this.outputShape(inShape));
  }
}
