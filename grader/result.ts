/**
 * Why a case did not pass, as named in feedback:
 * - `not-attempted`: the code still throws the stub's `NotImplementedError`;
 * - `wrong-answer`: it returned or threw something other than what was expected;
 * - `compile-error`: the submission does not load (syntax error, missing file or export);
 * - `time-limit`, `memory-limit`, `output-limit`: the child was killed;
 * - `forbidden`: an import or an access the sandbox does not allow;
 * - `crashed`: the process ended during the case (e.g. `Deno.exit` in the submission).
 */
export type FailureKind =
  | "not-attempted"
  | "wrong-answer"
  | "compile-error"
  | "time-limit"
  | "memory-limit"
  | "output-limit"
  | "forbidden"
  | "crashed";

/** The verdict on one case. */
export interface CaseResult {
  /** The task id. */
  readonly task: string;
  /** The case name. */
  readonly name: string;
  /** Hidden cases are named in the instructor's report only. */
  readonly hidden: boolean;
  /** Whether it passed. */
  readonly passed: boolean;
  /** Why it failed. */
  readonly kind?: FailureKind;
  /** What was wrong, e.g. expected vs got (shown for visible cases only). */
  readonly message?: string;
}

/** One task's score. */
export interface TaskResult {
  /** The task id. */
  readonly id: string;
  /** The task title. */
  readonly title: string;
  /** Its points in the grade. */
  readonly points: number;
  /** `points × passed / total`. */
  readonly score: number;
  /** Cases that passed (visible and hidden). */
  readonly passed: number;
  /** All cases of the task. */
  readonly total: number;
}

/**
 * How grading a submission ended:
 * `graded` (cases ran), `load-error` (it does not load: 0), `forbidden-import` (refused before
 * running: 0), `unreadable` (no usable sources: 0), `interrupted` (grading was stopped: re-run),
 * `grader-error` (the grader itself failed on it, see the notes: re-run).
 */
export type SubmissionStatus =
  | "graded"
  | "load-error"
  | "forbidden-import"
  | "unreadable"
  | "interrupted"
  | "grader-error";

/** Everything known about one graded submission; stored as `result.json`. */
export interface SubmissionResult {
  /** Format version. */
  readonly schema: 1;
  /** The student (the folder or archive name). */
  readonly student: string;
  /** The graded module. */
  readonly module: string;
  /** How grading ended. */
  readonly status: SubmissionStatus;
  /** Total score. */
  readonly score: number;
  /** The module's points. */
  readonly maxScore: number;
  /** Per-task scores in registry order. */
  readonly tasks: readonly TaskResult[];
  /** Per-case verdicts (visible first, then hidden). */
  readonly cases: readonly CaseResult[];
  /** Problems that concern the whole submission (load error, refused import, type errors). */
  readonly notes: readonly string[];
  /** `deno check` output when the submission has type errors (cases still ran). */
  readonly typeErrors?: string;
  /** SHA-256 of the submission as received, to notice a changed submission on re-runs. */
  readonly fingerprint: string;
  /**
   * SHA-256 of the grading setup (cases, expectations, limits, harness), to notice on re-runs
   * that the grading itself changed; absent in results of older graders (they are re-graded).
   */
  readonly setup?: string;
  /**
   * How the submission's children were isolated: `os (bubblewrap, cgroup v1)`, `os (bubblewrap,
   * no cgroups)` or `process`; absent in results of older graders.
   */
  readonly isolation?: string;
  /** The most resident memory one of its children used, MiB (absent when nothing ran). */
  readonly peakMb?: number;
  /** When grading finished (ISO). */
  readonly gradedAt: string;
  /** Seconds spent. */
  readonly seconds: number;
}
