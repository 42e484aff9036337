/**
 * Sequential: layers applied one after another.
 *
 * @module
 */
import type { Tensor } from "@tinytorch/tensor";
import { Layer, type Parameter } from "./layer.ts";

function indent(text: string): string {
  return text.split("\n").join("\n  ");
}

/**
 * A chain of layers: `forward(x)` is `layers[n−1](…layers[1](layers[0](x)))`. Its parameters,
 * shapes and FLOPs compose from its layers'; `train()` and `eval()` reach every layer.
 *
 * @example The 784→128→64→10 MLP
 * ```ts
 * import { zeros } from "@tinytorch/tensor";
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import assert from "node:assert/strict";
 * const mlp = new Sequential(
 *   new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10),
 * );
 * assert.equal(mlp.parameters().reduce((n, p) => n + p.size, 0), 109386);
 * assert.deepEqual(mlp.forward(zeros([32, 784])).shape, [32, 10]);
 * ```
 */
export class Sequential extends Layer {
  /** The layers, in the order they are applied. */
  readonly layers: Layer[];

  /**
   * Chains layers.
   *
   * @param layers The layers, first applied first; none gives the identity.
   * @throws {TypeError} If an argument is not a {@linkcode Layer}.
   */
  constructor(...layers: Layer[]) {
    super();
    layers.forEach((layer, i) => {
      if (!(layer instanceof Layer)) {
        throw new TypeError(`Cannot build Sequential: argument ${i} (${layer}) is not a Layer`);
      }
    });
    this.layers = layers;
  }

  /**
   * Applies each layer to the previous one's output. Each layer checks its own input, so a
   * shape mismatch names the layer that cannot take it.
   *
   * @param x The input of the first layer.
   * @returns The output of the last layer (`x` itself when there are no layers).
   * @throws {RangeError} From the first layer whose input shape does not fit.
   */
  forward(x: Tensor): Tensor {
    // #region solution layers.4
    let y = x;
    for (const layer of this.layers) y = layer.forward(y);
    return y;
    // #endregion
  }

  /**
   * Every layer's parameters, concatenated in layer order (for the MLP: W1, b1, W2, b2, W3, b3).
   *
   * @returns The parameters (the objects themselves).
   */
  override parameters(): Parameter[] {
    // #region solution layers.4
    return this.layers.flatMap((layer) => layer.parameters());
    // #endregion
  }

  /**
   * The layers, so that `train()` and `eval()` reach them.
   *
   * @returns A copy of {@linkcode Sequential.layers}.
   */
  override children(): Layer[] {
    return [...this.layers];
  }

  /**
   * Threads the shape through every layer.
   *
   * @param inShape The input shape.
   * @returns The last layer's output shape.
   * @throws {RangeError} From the first layer the shape does not fit.
   */
  override outputShape(inShape: readonly number[]): number[] {
    let shape = super.outputShape(inShape);
    for (const layer of this.layers) shape = layer.outputShape(shape);
    return shape;
  }

  /**
   * The sum of every layer's FLOPs on the shape it receives.
   *
   * @param inShape The input shape.
   * @returns The FLOP count.
   * @throws {RangeError} From the first layer the shape does not fit.
   */
  override flops(inShape: readonly number[]): number {
    let shape = super.outputShape(inShape);
    let total = 0;
    for (const layer of this.layers) {
      total += layer.flops(shape);
      shape = layer.outputShape(shape);
    }
    return total;
  }

  /**
   * PyTorch's layout: one numbered layer per line.
   *
   * @returns e.g. `"Sequential(\n  (0): Linear(784, 128)\n  (1): ReLU()\n)"`.
   */
  override toString(): string {
    if (this.layers.length === 0) return "Sequential()";
    const lines = this.layers.map((layer, i) => `  (${i}): ${indent(String(layer))}`);
    return `Sequential(\n${lines.join("\n")}\n)`;
  }
}
