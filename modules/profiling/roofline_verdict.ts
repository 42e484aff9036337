import type { MachineBalance } from "./measure_machine.ts";
import type { Bound, ProfileRow } from "./profile_row.ts";

/**
 * What a profile can honestly say about one row:
 * - `"memory"` / `"compute"`: the row's `bound`, clear of the ridge's measured spread;
 * - `"balanced"`: the intensity lies within the ridge's measured spread (`ridgeRange`), so this run
 *   cannot tell which roof is lower: near the ridge, both limit it;
 * - `"above-roof"`: the row ran faster than the roofline allows at its intensity. That is not a
 *   verdict about the layer but a measurement problem: a time below the timer's resolution, data
 *   living in a cache smaller than the copy that measured the memory roof, a miscounted FLOP, or a
 *   kernel faster than any the roofs were measured with.
 */
export type Verdict = Bound | "balanced" | "above-roof";

/** A profile row with its verdict against the measured roofs (see {@linkcode rooflineVerdict}). */
export interface ProfiledRow extends ProfileRow {
  /** The verdict, spread and measurement problems included. */
  readonly verdict: Verdict;
  /**
   * The most the roofline allows at this intensity, GFLOP/s: `min(P, intensity · W)`, with P the
   * highest measured compute roof (int8 included, if measured) and W the memory roof.
   */
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
 * Judges a profile row against the measured roofs, their spread included. In order:
 * 1. achieved GFLOP/s above `min(P, intensity · W)` (P the highest compute roof measured, int8
 *    included; W the memory roof), or not finite: `"above-roof"`, a measurement problem;
 * 2. intensity within `machine.ridgeRange`: `"balanced"` (near the ridge; another run of
 *    `measureMachine` could put the ridge on either side of it);
 * 3. otherwise the row's own `bound` (`rooflineBound` against `machine.ridge`).
 *
 * @example Usage
 * ```ts
 * import { rooflineVerdict } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const machine = {
 *   gbPerSecond: 20,
 *   ridgeRange: { low: 0.2, high: 0.3 },
 *   compute: { best: 5, median: 4, worst: 3, runs: 15, kernel: "matmulF32" },
 * };
 * const row = { intensity: 0.125, gflops: 1, bound: "memory" } as const;
 * assert.equal(rooflineVerdict(row, machine).verdict, "memory");
 * assert.equal(rooflineVerdict({ ...row, intensity: 0.25, bound: "compute" }, machine).verdict, "balanced");
 * assert.equal(rooflineVerdict({ ...row, gflops: 3 }, machine).verdict, "above-roof"); // 0.125 · 20 = 2.5
 * ```
 *
 * @param row The row's intensity, achieved GFLOP/s and bound.
 * @param machine The measured roofs.
 * @returns The verdict and the attainable GFLOP/s.
 */
export function rooflineVerdict(
  row: Pick<ProfileRow, "intensity" | "gflops" | "bound">,
  machine: Pick<MachineBalance, "gbPerSecond" | "ridgeRange" | "compute" | "int8">,
): { verdict: Verdict; attainableGflops: number } {
  const peak = Math.max(machine.compute.best, machine.int8?.best ?? 0);
  const attainableGflops = Math.min(peak, row.intensity * machine.gbPerSecond);
  const { low, high } = machine.ridgeRange;
  const verdict: Verdict = !(row.gflops <= attainableGflops)
    ? "above-roof"
    : row.intensity >= low && row.intensity <= high
    ? "balanced"
    : row.bound;
  return { verdict, attainableGflops };
}
