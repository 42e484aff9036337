/**
 * Hand-written fp32 kernels for training the reference MLP: affine layers with weights stored
 * transposed (`[in, out]`, so every inner loop runs over contiguous memory in i-k-j order), ReLU,
 * softmax cross-entropy, and their gradients. Zero inputs (most MNIST pixels, and every ReLU that
 * did not fire) are skipped, which makes the first layer several times faster.
 *
 * @module
 */

// Separate from @tinytorch/tensor on purpose: the given trainer must not run learners' code.
/** `out[rows, outF] = x[rows, inF] · wt[inF, outF] + b[outF]`. */
export function affineForward(
  x: Float32Array,
  rows: number,
  inF: number,
  wt: Float32Array,
  b: Float32Array,
  out: Float32Array,
): void {
  const outF = b.length;
  for (let i = 0; i < rows; i++) {
    const o = i * outF;
    out.set(b, o);
    const xi = i * inF;
    for (let k = 0; k < inF; k++) {
      const a = x[xi + k];
      if (a === 0) continue;
      const w = k * outF;
      for (let j = 0; j < outF; j++) out[o + j] += a * wt[w + j];
    }
  }
}

/** Replaces negative entries of the first `count` values by zero. */
export function reluInPlace(values: Float32Array, count: number): void {
  for (let i = 0; i < count; i++) if (values[i] < 0) values[i] = 0;
}

/**
 * Softmax cross-entropy over `rows` rows of `classes` logits: writes the gradient of the MEAN loss
 * with respect to the logits into `grad` and returns the SUM of the per-row losses.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Int32Array,
  rows: number,
  classes: number,
  grad: Float32Array,
): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * classes;
    let max = -Infinity;
    for (let j = 0; j < classes; j++) max = Math.max(max, logits[o + j]);
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(logits[o + j] - max);
    const label = labels[i];
    total += Math.log(sum) - (logits[o + label] - max);
    for (let j = 0; j < classes; j++) {
      const p = Math.exp(logits[o + j] - max) / sum;
      grad[o + j] = (p - (j === label ? 1 : 0)) / rows;
    }
  }
  return total;
}

/** Weight and bias gradients of an affine layer: `gwt[inF, outF] = xᵀ·dz`, `gb[outF] = Σ dz`. */
export function affineBackwardParams(
  x: Float32Array,
  dz: Float32Array,
  rows: number,
  inF: number,
  gwt: Float32Array,
  gb: Float32Array,
): void {
  const outF = gb.length;
  gwt.fill(0);
  gb.fill(0);
  for (let i = 0; i < rows; i++) {
    const d = i * outF;
    for (let j = 0; j < outF; j++) gb[j] += dz[d + j];
    const xi = i * inF;
    for (let k = 0; k < inF; k++) {
      const a = x[xi + k];
      if (a === 0) continue;
      const g = k * outF;
      for (let j = 0; j < outF; j++) gwt[g + j] += a * dz[d + j];
    }
  }
}

/**
 * Gradient flowing into a ReLU-activated input: `dx[i, k] = h[i, k] > 0 ? Σ_j dz[i, j]·wt[k, j] : 0`,
 * where `h` is the (post-ReLU) input of the affine layer.
 */
export function affineBackwardInput(
  dz: Float32Array,
  wt: Float32Array,
  h: Float32Array,
  rows: number,
  inF: number,
  outF: number,
  dx: Float32Array,
): void {
  for (let i = 0; i < rows; i++) {
    const d = i * outF;
    for (let k = 0; k < inF; k++) {
      const at = i * inF + k;
      if (h[at] <= 0) {
        dx[at] = 0;
        continue;
      }
      const w = k * outF;
      let sum = 0;
      for (let j = 0; j < outF; j++) sum += dz[d + j] * wt[w + j];
      dx[at] = sum;
    }
  }
}

/** Index of the largest of `count` values starting at `offset` (the first one on ties). */
export function argmax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let j = 1; j < count; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

/** Transposes a row-major `[rows, cols]` matrix into a new `[cols, rows]` one. */
export function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  }
  return out;
}
