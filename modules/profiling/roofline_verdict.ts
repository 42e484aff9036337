import type { MachineBalance } from "./measure_machine.ts";
import { type Bound, type ProfileRow, rooflineBound } from "./profile_row.ts";

/**
 * What a profile can honestly say about one row:
 * - `"memory"` / `"compute"`: the roofline's bound, clear of the ridge's measured spread;
 * - `"balanced"`: the intensity lies within the ridge's measured spread, so this run cannot tell
 *   which roof is lower: near the ridge, both limit it;
 * - `"above-roof"`: the row ran faster than the roofline allows at its intensity. That is not a
 *   verdict about the layer but a measurement problem: a time below the timer's resolution, data
 *   living in a cache smaller than the copy that measured the memory roof, a miscounted FLOP, or a
 *   kernel faster than any the roofs were measured with.
 */
export type Verdict = Bound | "balanced" | "above-roof";

/** The arithmetic a row computes in; it picks the compute roof the row is judged against. */
export type Precision = "float32" | "int8";

/** A profile row with its verdict against the measured roofs (see {@linkcode rooflineVerdict}). */
export interface ProfiledRow extends ProfileRow {
  /** The compute roof it is judged against (a layer's `precision`, default float32). */
  readonly precision: Precision;
  /**
   * The verdict, spread and measurement problems included. `bound` is the textbook verdict against
   * the fp32 ridge; `verdict` uses the row's own compute roof and knows the spread.
   */
  readonly verdict: Verdict;
  /** The most the roofline allows at this intensity, GFLOP/s (GOP/s for int8): `min(P, I·W)`. */
  readonly attainableGflops: number;
}

/** Short words for each verdict, for tables and charts. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  memory: "memory-bound",
  compute: "compute-bound",
  balanced: "near the ridge",
  "above-roof": "above the roof (measurement problem)",
};

/**
 * Judges a row against the measured roofs, their spread included. P is the compute roof of the
 * row's precision (`machine.compute`, or `machine.int8` for int8 when it was measured), W the
 * memory roof. In order:
 * 1. achieved rate above `min(P.best, intensity · W.best)`, or not finite: `"above-roof"`, a
 *    measurement problem;
 * 2. intensity within the ridge's spread, `P.median / W.best` to `P.best / W.median`: `"balanced"`
 *    (near the ridge: another measurement could put the ridge on either side of it);
 * 3. otherwise `rooflineBound(intensity, P.best / W.best)`.
 *
 * @example Usage
 * ```ts
 * import { rooflineVerdict } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const machine = { // ridge 0.25, spread 0.225 to 0.2777…
 *   compute: { best: 5, median: 4.5, worst: 4, runs: 15, kernel: "matmulF32" },
 *   memory: { best: 20, median: 18, worst: 16, runs: 15, kernel: "Float32Array.set" },
 * };
 * assert.equal(rooflineVerdict({ intensity: 0.125, gflops: 1 }, machine).verdict, "memory");
 * assert.equal(rooflineVerdict({ intensity: 0.25, gflops: 1 }, machine).verdict, "balanced");
 * assert.equal(rooflineVerdict({ intensity: 2, gflops: 1 }, machine).verdict, "compute");
 * // 0.125 FLOP/byte · 20 GB/s = 2.5 GFLOP/s at most:
 * assert.equal(rooflineVerdict({ intensity: 0.125, gflops: 3 }, machine).verdict, "above-roof");
 * ```
 *
 * @param row The row's intensity and achieved GFLOP/s.
 * @param machine The measured roofs.
 * @param precision The row's arithmetic; default float32.
 * @returns The verdict and the attainable rate.
 */
export function rooflineVerdict(
  row: Pick<ProfileRow, "intensity" | "gflops">,
  machine: Pick<MachineBalance, "compute" | "memory" | "int8">,
  precision: Precision = "float32",
): { verdict: Verdict; attainableGflops: number } {
  const p = precision === "int8" && machine.int8 ? machine.int8 : machine.compute;
  const w = machine.memory;
  const attainableGflops = Math.min(p.best, row.intensity * w.best);
  let verdict: Verdict;
  if (!(row.gflops <= attainableGflops)) verdict = "above-roof";
  else if (row.intensity >= p.median / w.best && row.intensity <= p.best / w.median) {
    verdict = "balanced";
  } else verdict = rooflineBound(row.intensity, p.best / w.best);
  return { verdict, attainableGflops };
}
