import { loadMnist, referenceMlp } from "@tinytorch/datasets";
import type { Sequential } from "@tinytorch/layers";
import type { Tensor } from "@tinytorch/tensor";

/** The MNIST split and the trained reference MLP, loaded once per test file. */
export interface MnistFixture {
  /** 500 training images for calibration. */
  readonly calibration: Tensor;
  /** The 2000 test images and labels. */
  readonly test: { readonly images: Tensor; readonly labels: Tensor };
  /** The trained float32 MLP. */
  readonly fp32: Sequential;
}

let cached: Promise<MnistFixture> | undefined;

/**
 * Loads the default split (8000/2000) and the reference MLP.
 *
 * @returns The fixture.
 */
export function mnistFixture(): Promise<MnistFixture> {
  cached ??= (async () => {
    const { train, test } = await loadMnist();
    return { calibration: train.images.slice(0, 500), test, fp32: await referenceMlp() };
  })();
  return cached;
}
