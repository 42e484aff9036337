/**
 * The instructor's grader: the stub check, the student release, sandboxed autograding with hidden
 * cases (a trusted parent judges observations streamed by a sandboxed child), Gradescope
 * results, the class gradebook and report, and `grade check`. The command line is
 * `deno task grade` (`grader/cli.ts`).
 *
 * @example Grade one submission
 * ```ts ignore
 * import { gradeSubmission, prepareGrading, readSubmission } from "@tinytorch/grader";
 * const ctx = await prepareGrading(".", "quantization");
 * const input = await readSubmission(
 *   { student: "ada", path: "grader/examples/ada_correct.zip", kind: "zip" },
 *   ctx.catalog.module,
 * );
 * const { result } = await gradeSubmission(ctx, input);
 * console.log(result.score); // 100
 * ```
 *
 * @example Grade a class
 * ```ts ignore
 * import { autograde } from "@tinytorch/grader";
 * const report = await autograde({
 *   root: ".",
 *   module: "quantization",
 *   submissions: "grader/examples",
 *   out: "reports/grades/quantization",
 * });
 * console.log(report.graded, report.results.map((r) => r.score));
 * ```
 *
 * @module
 */
export {
  autograde,
  type AutogradeOptions,
  type ClassReport,
  type ProgressEvent,
} from "./autograde.ts";
export {
  type GradedSubmission,
  type GradeOptions,
  gradeSubmission,
  type SubmissionInput,
} from "./grade_submission.ts";
export { type GradingContext, prepareGrading, type PrepareOptions } from "./grading_context.ts";
export { listSubmissions, readSubmission, type SubmissionSource } from "./intake/intake.ts";
export { release, type ReleaseOptions, type ReleaseReport } from "./release/release.ts";
export { buildGradescopeBundle, type BundleOptions } from "./release/gradescope_bundle.ts";
export { checkModule, type CheckReport } from "./check/check_module.ts";
export { checkStubs, type StubCheckReport, type TaskVerdict } from "./check/stub_check.ts";
export type {
  CaseResult,
  FailureKind,
  SubmissionResult,
  SubmissionStatus,
  TaskResult,
} from "./result.ts";
export { DEFAULT_LIMITS, type Limits } from "./sandbox/limits.ts";
export type { SandboxBase } from "./sandbox/sandbox.ts";
export type { GradingSetup } from "./setup_fingerprint.ts";
export type {
  Case,
  Check,
  Comparison,
  Expectation,
  ModuleInfo,
  Observation,
  TaskInfo,
} from "@tinytorch/course";
export type { CaseEntry, Catalog } from "./catalog.ts";
export type { Isolation, IsolationMode } from "./sandbox/os_isolation.ts";
