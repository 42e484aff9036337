/**
 * Small layers for the Sequential cases, built on the API's own `Layer` so that the cases of
 * layers.4 depend on no other task (not on Linear or the activations). Given code.
 *
 * @module
 */
import type { Api } from "./api.ts";

type Tensor = InstanceType<Api["Tensor"]>;

/**
 * Test layers: `AddOne` (x + 1), `Double` (2x), `Holding` (returns given tensors as its
 * parameters) and `NeedsLast(n)` (throws a RangeError unless the last dimension is `n`).
 *
 * @param api The implementation under test.
 * @returns The classes.
 */
export function testLayers(api: Api) {
  class AddOne extends api.Layer {
    forward(x: Tensor): Tensor {
      return x.add(1);
    }
  }
  class Double extends api.Layer {
    forward(x: Tensor): Tensor {
      return x.mul(2);
    }
  }
  class Holding extends api.Layer {
    constructor(readonly held: Tensor[]) {
      super();
    }
    forward(x: Tensor): Tensor {
      return x;
    }
    override parameters(): Tensor[] {
      return this.held;
    }
  }
  class NeedsLast extends api.Layer {
    constructor(readonly n: number) {
      super();
    }
    override outputShape(inShape: readonly number[]): number[] {
      if (inShape[inShape.length - 1] !== this.n) {
        throw new RangeError(`Cannot apply NeedsLast(${this.n}) to shape [${inShape}]`);
      }
      return [...inShape];
    }
    forward(x: Tensor): Tensor {
      this.checkInput(x);
      return x;
    }
  }
  return { AddOne, Double, Holding, NeedsLast };
}
