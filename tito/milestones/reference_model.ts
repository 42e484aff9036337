/**
 * Given code shared by milestones 03 and 06 and `tito profile`: the reference MLP's trained
 * weights loaded into YOUR Linear, ReLU and Sequential.
 *
 * @module
 */
import { referenceWeights } from "@tinytorch/datasets";
import { Linear, ReLU, Sequential } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";

/**
 * `Sequential(Linear(784, 128), ReLU, Linear(128, 64), ReLU, Linear(64, 10))` from the learner's
 * layers, with the committed fp32 weights copied into each Linear.
 *
 * @returns The model.
 */
export async function referenceModel(): Promise<Sequential> {
  const linears = (await referenceWeights()).map(({ weight, bias, weightShape: [out, inF] }) => {
    const layer = new Linear(inF, out, { seed: 0 });
    layer.weight = new Tensor(weight, [out, inF]);
    layer.bias = new Tensor(bias, [out]);
    return layer;
  });
  return new Sequential(linears[0], new ReLU(), linears[1], new ReLU(), linears[2]);
}

/**
 * The first `n` rows of a 2-D tensor, as a new tensor.
 *
 * @param x A `[N, features]` float32 tensor.
 * @param n Rows to keep.
 * @returns `[n, features]`.
 */
export function firstRows(x: Tensor, n: number): Tensor {
  const cols = x.shape[1];
  return new Tensor((x.data as Float32Array).slice(0, n * cols), [n, cols]);
}
