import type { MachineBalance } from "./measure_machine.ts";

/** What the timing harness of `profileModel` measured for one leaf layer. */
export interface LayerMeasurement {
  /** Index path and layer, e.g. `"0:Linear(784, 128)"`. */
  readonly name: string;
  /** The shape of the output `forward` returned. */
  readonly outputShape: readonly number[];
  /** Number of parameters of the layer. */
  readonly parameters: number;
  /** Bytes of its parameters. */
  readonly parameterBytes: number;
  /** Bytes of its input. */
  readonly inputBytes: number;
  /** Bytes of its output. */
  readonly outputBytes: number;
  /** FLOPs of one forward pass on that input. */
  readonly flops: number;
  /** Median time of one forward pass, in milliseconds. */
  readonly medianMs: number;
}

/** The roofline verdict: what limits a computation on this machine. */
export type Bound = "memory" | "compute";

/** One row of a profile (see `profileModel`). */
export interface ProfileRow {
  /** Index path and layer. */
  readonly name: string;
  /** The output shape. */
  readonly outputShape: number[];
  /** Number of parameters. */
  readonly parameters: number;
  /** FLOPs of one forward pass. */
  readonly flops: number;
  /** Memory the layer occupies: parameter bytes + output bytes. */
  readonly bytes: number;
  /** Bytes moved by one forward pass: parameters read + input read + output written. */
  readonly movedBytes: number;
  /** Median time of one forward pass, ms. */
  readonly medianMs: number;
  /** Achieved throughput, GFLOP/s: `flops / (medianMs · 10⁶)`. */
  readonly gflops: number;
  /** Arithmetic intensity, FLOP/byte: `flops / movedBytes` (0 when nothing moves). */
  readonly intensity: number;
  /** `"memory"` below the machine's ridge point, `"compute"` at or above it. */
  readonly bound: Bound;
}

/**
 * Classifies a computation with the roofline model. On a machine that does at most P FLOP/s and
 * moves at most W bytes/s, a computation of intensity I (FLOP per byte moved) can reach
 * `min(P, I·W)` FLOP/s. Below the ridge point `P / W` the memory roof is the lower one: memory-bound.
 * At or above it: compute-bound.
 *
 * @example Usage
 * ```ts
 * import { rooflineBound } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * assert.equal(rooflineBound(0.125, 0.5), "memory");
 * assert.equal(rooflineBound(8, 0.5), "compute");
 * ```
 *
 * @param intensity The computation's FLOPs per byte moved.
 * @param ridge The machine's ridge point, FLOP/byte.
 * @returns The verdict.
 * @throws {RangeError} If either is negative or NaN, or `ridge` is not finite.
 */
export function rooflineBound(intensity: number, ridge: number): Bound {
  // #region solution profiling.5
  if (!(intensity >= 0) || !(ridge >= 0) || !Number.isFinite(ridge)) {
    throw new RangeError(
      `Cannot classify intensity ${intensity} FLOP/byte against ridge ${ridge}: expected numbers ≥ 0`,
    );
  }
  return intensity < ridge ? "memory" : "compute";
  // #endregion
}

/**
 * Turns one layer's measurements into a profile row, judged against the MEASURED machine balance
 * (never a constant):
 * - `bytes` = parameter bytes + output bytes (what the layer keeps in memory);
 * - `movedBytes` = parameter bytes + input bytes + output bytes (what one forward pass reads and
 *   writes, at least once each);
 * - `intensity` = `flops / movedBytes` (0 if `movedBytes` is 0);
 * - `gflops` = `flops / (medianMs · 10⁶)`; 0 when `flops` is 0, `Infinity` when `medianMs` is 0
 *   (the timer could not see it) and `flops` is not;
 * - `bound` = `rooflineBound(intensity, machine.ridge)`.
 *
 * @example Usage
 * ```ts
 * import { profileRow } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const row = profileRow({
 *   name: "1:ReLU()", outputShape: [1, 128], parameters: 0, parameterBytes: 0,
 *   inputBytes: 512, outputBytes: 512, flops: 128, medianMs: 0.001,
 * }, { ridge: 0.5 });
 * assert.equal(row.intensity, 0.125); // 128 FLOPs / (512 + 512) bytes
 * assert.equal(row.bound, "memory");
 * ```
 *
 * @param m The layer's measurements.
 * @param machine The machine balance (only `ridge` is used).
 * @returns The row.
 */
export function profileRow(
  m: LayerMeasurement,
  machine: Pick<MachineBalance, "ridge">,
): ProfileRow {
  // #region solution profiling.5
  const movedBytes = m.parameterBytes + m.inputBytes + m.outputBytes;
  const intensity = movedBytes === 0 ? 0 : m.flops / movedBytes;
  const gflops = m.flops === 0 ? 0 : m.medianMs === 0 ? Infinity : m.flops / (m.medianMs * 1e6);
  return {
    name: m.name,
    outputShape: [...m.outputShape],
    parameters: m.parameters,
    flops: m.flops,
    bytes: m.parameterBytes + m.outputBytes,
    movedBytes,
    medianMs: m.medianMs,
    gflops,
    intensity,
    bound: rooflineBound(intensity, machine.ridge),
  };
  // #endregion
}
