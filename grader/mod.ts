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
 * @example Read a JUnit report
 * ```ts
 * import { parseJunit } from "@tinytorch/grader";
 * console.log(parseJunit('<testcase name="t.1 a"></testcase>')[0].status); // "passed"
 * ```
 *
 * @module
 */
export * from "./junit.ts";
export * from "./deno_process.ts";
export * from "./stub_check.ts";
export * from "./limits.ts";
export * from "./result.ts";
export * from "./catalog.ts";
export * from "./grading_context.ts";
export * from "./setup_fingerprint.ts";
export * from "./grade_submission.ts";
export * from "./intake.ts";
export * from "./archive.ts";
export * from "./zip_reader.ts";
export * from "./tar.ts";
export * from "./autograde.ts";
export * from "./feedback.ts";
export * from "./gradescope_results.ts";
export * from "./grades_csv.ts";
export * from "./report_html.ts";
export * from "./check_module.ts";
export * from "./release.ts";
export * from "./gradescope_bundle.ts";
export * from "./sandbox.ts";
export * from "./entry_source.ts";
export * from "./case_runner.ts";
export * from "./child_process.ts";
export * from "./protocol.ts";
export type {
  Case,
  CaseSet,
  Check,
  Comparison,
  Expectation,
  ModuleInfo,
  Observation,
  TaskInfo,
} from "@tinytorch/course";
