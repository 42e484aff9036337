/**
 * Raw fp32 weights of one fully connected layer, as stored in `reference_mlp.bin`.
 *
 * @module
 */

/** Weights of one fully connected layer, PyTorch layout: `y = x · weightᵀ + bias`. */
export interface LayerWeights {
  /** Row-major `[outFeatures, inFeatures]`. */
  weight: Float32Array;
  /** `[outFeatures]`. */
  bias: Float32Array;
  /** `[outFeatures, inFeatures]`. */
  weightShape: [number, number];
  /** `[outFeatures]`. */
  biasShape: [number];
}

/** Layer widths of the reference MLP: 784 → 128 → ReLU → 64 → ReLU → 10. */
export const REFERENCE_LAYER_SIZES: readonly number[] = Object.freeze([784, 128, 64, 10]);
