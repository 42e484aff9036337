// deno-lint-ignore-file camelcase -- the keys are Gradescope's results.json format
import { feedbackMarkdown, points, taskFeedback } from "./feedback.ts";
import type { SubmissionResult } from "../result.ts";

/** One test in Gradescope's `results.json`. */
export interface GradescopeTest {
  /** Shown as the test's title. */
  readonly name: string;
  /** Ordering key. */
  readonly number: string;
  /** Points earned. */
  readonly score: number;
  /** Points possible. */
  readonly max_score: number;
  /** `"passed"` or `"failed"`. */
  readonly status: "passed" | "failed";
  /** What the student sees under the test. */
  readonly output: string;
  /** Markdown output. */
  readonly output_format: "md";
  /** Gradescope visibility. */
  readonly visibility: "visible";
}

/** Gradescope's autograder results file. */
export interface GradescopeResults {
  /** Total score. */
  readonly score: number;
  /** Seconds spent. */
  readonly execution_time: number;
  /** The overall feedback (Markdown). */
  readonly output: string;
  /** Format of `output`. */
  readonly output_format: "md";
  /** Format of each test's output. */
  readonly test_output_format: "md";
  /** Results are visible to the student. */
  readonly visibility: "visible";
  /** The autograder's stdout is for instructors only. */
  readonly stdout_visibility: "hidden";
  /** One test per task. */
  readonly tests: readonly GradescopeTest[];
}

/**
 * Converts a result to Gradescope's `results.json`: one test per task with its partial score;
 * the output shows failed visible cases (expected vs got) and only counts for hidden ones.
 *
 * @param result The graded submission.
 * @returns The results object.
 */
export function toGradescope(result: SubmissionResult): GradescopeResults {
  return {
    score: result.score,
    execution_time: Math.round(result.seconds),
    output: feedbackMarkdown(result),
    output_format: "md",
    test_output_format: "md",
    visibility: "visible",
    stdout_visibility: "hidden",
    tests: result.tasks.map((t, i) => ({
      name: `${t.id}: ${t.title}`,
      number: String(i + 1),
      score: Number(points(t.score)),
      max_score: t.points,
      status: t.passed === t.total && t.total > 0 ? "passed" : "failed",
      output: result.status === "graded"
        ? taskFeedback(t, result.cases).join("\n")
        : `Not run (${result.status}): ${result.notes.join(" ")}`,
      output_format: "md",
      visibility: "visible",
    })),
  };
}
