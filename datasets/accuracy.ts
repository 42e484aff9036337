/**
 * Classification accuracy.
 *
 * @module
 */

import type { Tensor } from "@tinytorch/tensor";

/**
 * The fraction of rows whose largest logit (the first one on ties) is at the row's label.
 *
 * @example
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { accuracy } from "@tinytorch/datasets";
 * import assert from "node:assert/strict";
 * const logits = tensor([[0.1, 2], [3, -1], [0, 1]]); // argmax per row: 1, 0, 1
 * assert.equal(accuracy(logits, tensor([1, 0, 0], { dtype: "int32" })), 2 / 3);
 * ```
 *
 * @param logits Scores `[n, classes]` (any dtype).
 * @param labels Integer labels `[n]` (int32 or int8).
 * @returns A number in [0, 1].
 * @throws {TypeError} If `labels` is not an integer tensor.
 * @throws {RangeError} If `logits` is not 2-D, is empty, or has a different number of rows than
 *   `labels` has entries.
 */
export function accuracy(logits: Tensor, labels: Tensor): number {
  const shapes = `logits of shape [${logits.shape}] and labels of shape [${labels.shape}]`;
  if (labels.dtype === "float32") {
    throw new TypeError(`Cannot compute accuracy of ${shapes}: labels must be int32, got float32`);
  }
  if (logits.shape.length !== 2 || labels.shape.length !== 1) {
    throw new RangeError(`Cannot compute accuracy of ${shapes}: need [n, classes] and [n]`);
  }
  const [rows, classes] = logits.shape;
  if (rows !== labels.shape[0]) {
    throw new RangeError(
      `Cannot compute accuracy of ${shapes}: ${rows} rows but ${labels.shape[0]} labels`,
    );
  }
  if (rows === 0 || classes === 0) {
    throw new RangeError(`Cannot compute accuracy of ${shapes}: no predictions`);
  }
  const scores = logits.data;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) {
      if (scores[i * classes + j] > scores[i * classes + best]) best = j;
    }
    if (best === labels.data[i]) correct++;
  }
  return correct / rows;
}
