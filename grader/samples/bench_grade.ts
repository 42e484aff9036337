import { autograde, type ClassReport, type ProgressEvent } from "../autograde.ts";
import type { IsolationMode } from "../sandbox/os_isolation.ts";
import { SAMPLE_MODULE } from "./sample_class.ts";

/** What a bench phase grades, and how. */
export interface BenchGrading {
  /** The repository. */
  readonly root: string;
  /** The class folder. */
  readonly submissions: string;
  /** The output folder. */
  readonly out: string;
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Submissions graded at once; default the number of cores. */
  readonly jobs?: number;
  /** Aborts grading. */
  readonly signal?: AbortSignal;
  /** Called after each submission. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Grades a class of the sample module as every bench phase does.
 *
 * @param g What and how.
 * @returns The class report.
 */
export function gradeBenchClass(g: BenchGrading): Promise<ClassReport> {
  return autograde({
    root: g.root,
    module: SAMPLE_MODULE,
    submissions: g.submissions,
    out: g.out,
    jobs: g.jobs ?? navigator.hardwareConcurrency ?? 1,
    isolation: g.mode,
    signal: g.signal,
    onProgress: g.onProgress,
  });
}
