/**
 * Given code: trains the reference MLP with hand-written backprop (the course has no autograd).
 *
 * @module
 */

import { checkSeed, Prng, shuffleInPlace } from "./_prng.ts";
import {
  affineBackwardInput,
  affineBackwardParams,
  affineForward,
  reluInPlace,
  softmaxCrossEntropy,
  transpose,
} from "./_mlp_math.ts";
import { type LayerWeights, REFERENCE_LAYER_SIZES } from "./layer_weights.ts";
import { loadMnistArrays, MNIST_PIXELS } from "./load_mnist_arrays.ts";

/** Progress of {@linkcode trainReferenceMlp}: after each mini-batch. */
export interface TrainStatus {
  /** 1-based epoch being trained. */
  epoch: number;
  /** Mean training loss of the current epoch so far. */
  loss: number;
}

/** Options of {@linkcode trainReferenceMlp}; the defaults produce the committed weights. */
export interface TrainReferenceMlpOptions {
  /** Passes over the training split (default 15). */
  epochs?: number;
  /** Seed of the He initialisation and of the per-epoch shuffles (default 0). */
  seed?: number;
  /** Training digits, a prefix of the default MNIST training split (default 8000). */
  trainSize?: number;
  /** Mini-batch size (default 64). */
  batchSize?: number;
  /** Initial SGD learning rate, decayed by a cosine schedule to zero (default 0.1). */
  learningRate?: number;
  /** SGD momentum (default 0.9). */
  momentum?: number;
  /** Called after every mini-batch with `done` of `total` batches. */
  onProgress?: (done: number, total: number, status: TrainStatus) => void;
}

/** Hyper-parameters of a training run, as recorded in the manifest. */
export interface TrainHyperParameters {
  /** Passes over the training digits. */
  epochs: number;
  /** Seed of the initialisation and the shuffles. */
  seed: number;
  /** Training digits used (a prefix of the default split). */
  trainSize: number;
  /** Mini-batch size. */
  batchSize: number;
  /** Initial learning rate. */
  learningRate: number;
  /** SGD momentum. */
  momentum: number;
  /** Learning-rate schedule in words. */
  schedule: string;
  /** Initialisation in words. */
  init: string;
}

/** Result of {@linkcode trainReferenceMlp}. */
export interface TrainedMlp {
  /** The three layers in order, PyTorch layout (`weight` is `[out, in]`). */
  layers: LayerWeights[];
  /** Settings used. */
  hyperParameters: TrainHyperParameters;
  /** Mean loss on the training digits before the first update. */
  initialLoss: number;
  /** Mean training loss and wall time of every epoch. */
  history: { epoch: number; loss: number; seconds: number }[];
}

/**
 * Trains a 784→128→ReLU→64→ReLU→10 MLP on the MNIST training split with hand-written backprop:
 * He (Kaiming) normal initialisation, softmax cross-entropy, mini-batch SGD with momentum
 * (`v = μv + g; w -= lr·v`) and a cosine learning-rate decay, shuffling the digits every epoch
 * with a seeded generator. Deterministic: the same options give bit-identical weights.
 *
 * @example
 * ```ts
 * import { trainReferenceMlp } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const { layers, initialLoss, history } = await trainReferenceMlp({ epochs: 1, trainSize: 1000 });
 * assert.deepEqual(layers[0].weightShape, [128, 784]);
 * assert.ok(history[0].loss < initialLoss); // one epoch already lowers the loss
 * ```
 */
export async function trainReferenceMlp(
  options: TrainReferenceMlpOptions = {},
): Promise<TrainedMlp> {
  const hp = hyperParameters(options);
  const { train } = await loadMnistArrays({ trainSize: hp.trainSize, testSize: 2000 });
  const net = new Net(hp.seed, hp.batchSize);
  const prng = new Prng(hp.seed + 1);
  const order = Int32Array.from({ length: hp.trainSize }, (_, i) => i);
  const batches = Math.ceil(hp.trainSize / hp.batchSize);
  const total = hp.epochs * batches;
  const initialLoss = net.meanLoss(train.images, train.labels, hp.trainSize);
  const history: TrainedMlp["history"] = [];
  for (let epoch = 0; epoch < hp.epochs; epoch++) {
    const start = performance.now();
    shuffleInPlace(order, prng);
    let lossSum = 0;
    for (let batch = 0; batch < batches; batch++) {
      const done = epoch * batches + batch;
      const lr = 0.5 * hp.learningRate * (1 + Math.cos(Math.PI * done / total));
      const from = batch * hp.batchSize;
      const rows = Math.min(hp.batchSize, hp.trainSize - from);
      net.loadBatch(train.images, train.labels, order, from, rows);
      lossSum += net.step(rows, lr, hp.momentum);
      const loss = lossSum / (from + rows);
      options.onProgress?.(done + 1, total, { epoch: epoch + 1, loss });
    }
    const seconds = (performance.now() - start) / 1000;
    history.push({ epoch: epoch + 1, loss: lossSum / hp.trainSize, seconds });
  }
  return { layers: net.export(), hyperParameters: hp, initialLoss, history };
}

function hyperParameters(options: TrainReferenceMlpOptions): TrainHyperParameters {
  const hp = {
    epochs: options.epochs ?? 15,
    seed: options.seed ?? 0,
    trainSize: options.trainSize ?? 8000,
    batchSize: options.batchSize ?? 64,
    learningRate: options.learningRate ?? 0.1,
    momentum: options.momentum ?? 0.9,
    schedule: "cosine decay per batch from learningRate to 0",
    init: "He normal (std sqrt(2 / inFeatures)), zero biases",
  };
  checkSeed("trainReferenceMlp", hp.seed);
  for (const name of ["epochs", "trainSize", "batchSize"] as const) {
    if (!Number.isInteger(hp[name]) || hp[name] < 1) {
      throw new RangeError(`Cannot train: ${name} must be a positive integer, got ${hp[name]}`);
    }
  }
  if (!(hp.learningRate > 0) || !(hp.momentum >= 0 && hp.momentum < 1)) {
    throw new RangeError(
      `Cannot train with learningRate ${hp.learningRate} and momentum ${hp.momentum}: ` +
        `need learningRate > 0 and 0 <= momentum < 1`,
    );
  }
  return hp;
}

/** The network being trained: weights stored transposed (`[in, out]`) plus all work buffers. */
class Net {
  readonly sizes = REFERENCE_LAYER_SIZES;
  wt: Float32Array[] = [];
  b: Float32Array[] = [];
  #vw: Float32Array[] = [];
  #vb: Float32Array[] = [];
  #gw: Float32Array[] = [];
  #gb: Float32Array[] = [];
  /** acts[0] is the input batch, acts[l + 1] the (post-ReLU) output of layer l. */
  #acts: Float32Array[];
  #deltas: Float32Array[];
  #labels: Int32Array;

  constructor(seed: number, readonly batchSize: number) {
    const prng = new Prng(seed);
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      const [inF, outF] = [this.sizes[l], this.sizes[l + 1]];
      const std = Math.sqrt(2 / inF);
      this.wt.push(Float32Array.from({ length: inF * outF }, () => prng.normal() * std));
      this.b.push(new Float32Array(outF));
      for (const list of [this.#vw, this.#gw]) list.push(new Float32Array(inF * outF));
      for (const list of [this.#vb, this.#gb]) list.push(new Float32Array(outF));
    }
    this.#acts = this.sizes.map((size) => new Float32Array(batchSize * size));
    this.#deltas = this.sizes.map((size) => new Float32Array(batchSize * size));
    this.#labels = new Int32Array(batchSize);
  }

  loadBatch(images: Float32Array, labels: Int32Array, order: Int32Array, from: number, n: number) {
    for (let r = 0; r < n; r++) {
      const src = order[from + r] * MNIST_PIXELS;
      this.#acts[0].set(images.subarray(src, src + MNIST_PIXELS), r * MNIST_PIXELS);
      this.#labels[r] = labels[order[from + r]];
    }
  }

  forward(rows: number): Float32Array {
    const last = this.wt.length - 1;
    for (let l = 0; l <= last; l++) {
      affineForward(this.#acts[l], rows, this.sizes[l], this.wt[l], this.b[l], this.#acts[l + 1]);
      if (l < last) reluInPlace(this.#acts[l + 1], rows * this.sizes[l + 1]);
    }
    return this.#acts[last + 1];
  }

  /** One SGD step on the loaded batch; returns the summed loss of its rows. */
  step(rows: number, lr: number, momentum: number): number {
    const last = this.wt.length;
    const logits = this.forward(rows);
    const loss = softmaxCrossEntropy(logits, this.#labels, rows, 10, this.#deltas[last]);
    for (let l = last - 1; l >= 0; l--) {
      const [inF, outF] = [this.sizes[l], this.sizes[l + 1]];
      affineBackwardParams(this.#acts[l], this.#deltas[l + 1], rows, inF, this.#gw[l], this.#gb[l]);
      if (l > 0) {
        const [dz, dx] = [this.#deltas[l + 1], this.#deltas[l]];
        affineBackwardInput(dz, this.wt[l], this.#acts[l], rows, inF, outF, dx);
      }
    }
    for (let l = 0; l < last; l++) {
      momentumUpdate(this.wt[l], this.#vw[l], this.#gw[l], lr, momentum);
      momentumUpdate(this.b[l], this.#vb[l], this.#gb[l], lr, momentum);
    }
    return loss;
  }

  meanLoss(images: Float32Array, labels: Int32Array, n: number): number {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const scratch = new Float32Array(this.batchSize * 10);
    let sum = 0;
    for (let from = 0; from < n; from += this.batchSize) {
      const rows = Math.min(this.batchSize, n - from);
      this.loadBatch(images, labels, order, from, rows);
      sum += softmaxCrossEntropy(this.forward(rows), this.#labels, rows, 10, scratch);
    }
    return sum / n;
  }

  export(): LayerWeights[] {
    return this.wt.map((wt, l) => {
      const [inF, outF] = [this.sizes[l], this.sizes[l + 1]];
      return {
        weight: transpose(wt, inF, outF),
        bias: Float32Array.from(this.b[l]),
        weightShape: [outF, inF],
        biasShape: [outF],
      };
    });
  }
}

function momentumUpdate(
  w: Float32Array,
  v: Float32Array,
  g: Float32Array,
  lr: number,
  momentum: number,
): void {
  for (let i = 0; i < w.length; i++) {
    v[i] = momentum * v[i] + g[i];
    w[i] -= lr * v[i];
  }
}
