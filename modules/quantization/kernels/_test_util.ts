/**
 * Test helpers for the int8 kernels: seeded int8 data and a naive oracle that shares no code with
 * the kernels.
 *
 * @module
 */
import { randomValues } from "@tinytorch/course";

/**
 * Seeded random integers in `[min, max]` (inclusive) as an `Int8Array`.
 *
 * @param count How many values.
 * @param seed The seed.
 * @param min Smallest value (default -128).
 * @param max Largest value (default 127).
 * @returns The values.
 */
export function randomInt8(count: number, seed: number, min = -128, max = 127): Int8Array {
  return Int8Array.from(randomValues(count, { seed, min, max: max + 1, integers: true }));
}

// A naive oracle, separate on purpose: the kernels' tests never check a kernel against itself.
/**
 * The naive oracle: `acc[i, j] = Σ_p x[i, p] · w[j, p]` in exact float64 arithmetic (exact for
 * every size used in tests), as plain numbers.
 *
 * @param x Inputs, `m` rows of `k`.
 * @param w Weights, `n` rows of `k`.
 * @param m Rows of `x`.
 * @param n Rows of `w`.
 * @param k Row length.
 * @returns The `m * n` sums, row-major.
 */
export function naiveLinear(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += x[i * k + p] * w[j * k + p];
      out.push(sum);
    }
  }
  return out;
}

/** The fields of an input quantization, as `runFloat` takes them. */
export interface InputScheme {
  /** Float step of one integer. */
  scale: number;
  /** Integer of real 0. */
  zeroPoint: number;
  /** Smallest integer. */
  qmin: number;
  /** Largest integer. */
  qmax: number;
}

/**
 * The reference input quantization, written independently of the kernels:
 * `clamp(roundHalfToEven(x / scale) + zeroPoint, qmin, qmax)` in float64, rounding from
 * `Math.floor` (`q − floor(q)` is exact, so only a true `.5` is a tie). No finiteness check.
 *
 * @param x The floats.
 * @param input Scale, zero point and integer range.
 * @returns The int8 values.
 */
export function quantizeInputRef(x: ArrayLike<number>, input: InputScheme): Int8Array {
  const { scale, zeroPoint, qmin, qmax } = input;
  return Int8Array.from({ length: x.length }, (_, i) => {
    const q = Math.fround(x[i] / scale); // divided in float32, as ONNX QuantizeLinear does
    const floor = Math.floor(q);
    const diff = q - floor;
    const rounded = diff < 0.5 ? floor : diff > 0.5 || floor % 2 !== 0 ? floor + 1 : floor;
    return Math.min(qmax, Math.max(qmin, rounded + zeroPoint));
  });
}

/** The next float32 after `x` towards +∞ (`up`) or −∞, for values just beside a tie. */
function nextFloat32(x: number, up: boolean): number {
  const bits = new Uint32Array(Float32Array.of(x).buffer);
  if (x === 0) return up ? 1e-45 : -1e-45;
  bits[0] += (x > 0) === up ? 1 : -1;
  return new Float32Array(bits.buffer)[0];
}

/**
 * Seeded float32 inputs for `runFloat` that hit every path of the quantization: mostly values
 * spread a little beyond the representable range of `input` (so some saturate), and at seeded
 * positions ties `(t + 0.5) · scale` (exact when `scale` has few significant bits) and their
 * float32 neighbours, ±0, tiny and huge values (±1e30, ±3.4e38) and the edges `qmin − 0.5`, `qmax + 0.5`.
 *
 * @param count How many values.
 * @param seed The seed.
 * @param input The quantization the values are meant for.
 * @returns The values.
 */
export function randomFloatInputs(count: number, seed: number, input: InputScheme): Float32Array {
  const { scale, zeroPoint, qmin, qmax } = input;
  const lo = (qmin - zeroPoint - 20) * scale, hi = (qmax - zeroPoint + 20) * scale;
  const x = Float32Array.from(randomValues(count, { seed, min: lo, max: hi }));
  const picks = randomValues(2 * count, { seed: seed + 1, min: 0, max: 1 });
  const special = [0, -0, 1e-45, -1e-45, 1e30, -1e30, 3.4e38, -3.4e38];
  for (let i = 0; i < count; i++) {
    const [kind, u] = [picks[2 * i], picks[2 * i + 1]];
    const t = Math.floor(qmin - zeroPoint - 3 + u * (qmax - qmin + 6));
    const tie = Math.fround((t + 0.5) * scale);
    if (kind < 0.25) x[i] = tie;
    else if (kind < 0.35) x[i] = nextFloat32(tie, u < 0.5);
    else if (kind < 0.45) x[i] = special[Math.floor(u * special.length)];
    else if (kind < 0.5) x[i] = (u < 0.5 ? qmin - zeroPoint - 0.5 : qmax - zeroPoint + 0.5) * scale;
  }
  return x;
}
