import type { ModuleInfo } from "@tinytorch/course";
import { points } from "./feedback.ts";
import type { SubmissionResult } from "./result.ts";

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The class gradebook: one row per student with `student, module, score, max`, one column per
 * task, and the grading status.
 *
 * @param module The graded module.
 * @param results One result per student.
 * @returns CSV text with a header row.
 */
export function gradesCsv(module: ModuleInfo, results: readonly SubmissionResult[]): string {
  const header = ["student", "module", "score", "max", ...module.tasks.map((t) => t.id), "status"];
  const rows = results.map((r) => [
    r.student,
    r.module,
    points(r.score),
    r.maxScore,
    ...module.tasks.map((t) => points(r.tasks.find((x) => x.id === t.id)?.score ?? 0)),
    r.status,
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}
