import type { ModuleInfo } from "@tinytorch/course";
import { points } from "./feedback.ts";
import { csvCell, visibleText } from "./inert_text.ts";
import type { SubmissionResult } from "../result.ts";

/**
 * The class gradebook: one row per student with `student, module, score, max`, one column per
 * task, and the grading status. Cells are neutralised against CSV injection (OWASP's rule) and
 * names lose control and bidi characters.
 *
 * @param module The graded module.
 * @param results One result per student.
 * @returns CSV text with a header row.
 */
export function gradesCsv(module: ModuleInfo, results: readonly SubmissionResult[]): string {
  const header = ["student", "module", "score", "max", ...module.tasks.map((t) => t.id), "status"];
  const rows = results.map((r) => [
    visibleText(r.student),
    r.module,
    points(r.score),
    r.maxScore,
    ...module.tasks.map((t) => points(r.tasks.find((x) => x.id === t.id)?.score ?? 0)),
    r.status,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
