/**
 * The error function and its complement, which JavaScript's `Math` lacks; exact GELU needs them.
 *
 * @module
 */

/**
 * The complementary error function `erfc(x) = 1 − erf(x)`, with a relative error below
 * 1.2e-7 for every `x` (Chebyshev fit from Numerical Recipes, `erfcc`): as accurate as float32
 * can hold, and accurate in the tails where `1 − erf(x)` would cancel to 0.
 *
 * @example Usage
 * ```ts
 * import { erfc } from "@tinytorch/layers";
 * console.log(erfc(0)); // 1 (within 1.2e-7)
 * console.log(erfc(5) > 0); // true: about 1.5e-12, not 0
 * ```
 *
 * @param x Any number.
 * @returns `erfc(x)`, in `[0, 2]`.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
                                t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * The error function `erf(x) = 2/√π ∫₀ˣ e^(−t²) dt`, with an absolute error below 1.2e-7:
 * its Maclaurin series near 0 (so tiny `x` keep their relative accuracy), `1 − erfc(x)` beyond.
 *
 * @example Usage
 * ```ts
 * import { erf } from "@tinytorch/layers";
 * console.log(Math.abs(erf(1) - 0.8427007929) < 1e-7); // true
 * ```
 *
 * @param x Any number.
 * @returns `erf(x)`, in `[−1, 1]`.
 */
export function erf(x: number): number {
  if (Math.abs(x) >= 0.5) return x > 0 ? 1 - erfc(x) : erfc(-x) - 1;
  // Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)); for |x| < 0.5 twelve terms reach double precision.
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 12; n++) {
    term *= -x2 / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
