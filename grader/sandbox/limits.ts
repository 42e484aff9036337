import { CASE_TIMEOUT_MS } from "@tinytorch/course";

/** What one submission may use. Times are wall-clock milliseconds. */
export interface Limits {
  /** The whole submission's budget: cases not reported when it runs out score 0. */
  readonly timeoutMs: number;
  /** One case's budget: past it the child is killed and a fresh one resumes at the next case. */
  readonly caseTimeoutMs: number;
  /** Loading (importing) the submission's module. */
  readonly loadTimeoutMs: number;
  /** V8's old-space (JS heap) cap, `--max-old-space-size`, in MiB. */
  readonly heapMb: number;
  /** Resident memory cap (typed arrays included), polled from `/proc/<pid>/status`, in MiB. */
  readonly memoryMb: number;
  /** Bytes a child may write to stdout and stderr together before it is killed. */
  readonly outputBytes: number;
}

/**
 * The defaults: 60 s per submission (running its cases), 5 s per case, 20 s to load, a 512 MiB
 * heap, 1 GiB resident memory and 16 MiB of output per process. Measured on the reference: one
 * child runs a whole module's cases, loading included, in 0.4 s at 130 to 155 MB resident, so
 * the margins are wide while a hang or a runaway allocation stays cheap.
 */
export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 60_000,
  caseTimeoutMs: CASE_TIMEOUT_MS,
  loadTimeoutMs: 20_000,
  heapMb: 512,
  memoryMb: 1024,
  outputBytes: 16 * 1024 * 1024,
};

/**
 * npm packages a submission may import. Anything else from npm, every remote URL and every local
 * file outside the sandbox is refused before the submission runs.
 */
export const NPM_ALLOWLIST: readonly string[] = ["mathjs", "tinybench", "fflate"];

/**
 * What the harness loads before it freezes the JavaScript intrinsics: the allowed npm packages
 * and the Node built-ins they build on (some libraries assign to prototypes while they load).
 *
 * @param allow The npm allowlist.
 * @returns Specifiers to import, in order.
 */
export function preloadOf(allow: readonly string[]): string[] {
  return ["node:buffer", "node:process", ...allow];
}

/**
 * The limits of the trusted reference run that computes `expect: "reference"` observations: fixed
 * and generous (5 min in all, 30 s per case, 60 s to load), so a class's `--timeout` or
 * `--case-timeout` never makes the expectations fail.
 */
export const REFERENCE_LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  timeoutMs: 300_000,
  caseTimeoutMs: 30_000,
  loadTimeoutMs: 60_000,
};

/**
 * A byte count as people read it: `16 MiB`, `1.5 KiB`, `300 bytes`.
 *
 * @param bytes A count.
 * @returns The count with a binary unit.
 */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
