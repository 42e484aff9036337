import type { ModuleInfo } from "@tinytorch/course";
import { feedbackMarkdown } from "./feedback.ts";
import { gradesCsv } from "./grades_csv.ts";
import { toGradescope } from "./gradescope_results.ts";
import { writeAtomic } from "./paths.ts";
import { reportHtml } from "./report_html.ts";
import type { SubmissionResult } from "./result.ts";

/**
 * A student's output folder name: the student name with anything but letters, digits, `.`, `_`,
 * `-` and `@` replaced by `_`.
 *
 * @param student The student.
 * @returns A safe folder name.
 */
export function studentFolder(student: string): string {
  const safe = student.replace(/[^A-Za-z0-9._@-]/g, "_").replace(/^\.+/, "_");
  return safe === "" ? "_" : safe;
}

/**
 * Where a student's outputs go.
 *
 * @param out The output folder.
 * @param student The student.
 * @returns `<out>/students/<student>`.
 */
export function studentDir(out: string, student: string): string {
  return `${out}/students/${studentFolder(student)}`;
}

/**
 * Writes one student's outputs, each atomically: Gradescope `results.json`, `feedback.md`, the
 * children's `log.txt` (instructors only) and, last, `result.json`, whose presence marks the
 * student as finished for a resumed run.
 *
 * @param out The output folder.
 * @param result The result.
 * @param log The children's output.
 */
export async function writeStudent(out: string, result: SubmissionResult, log: string) {
  const dir = studentDir(out, result.student);
  await writeAtomic(`${dir}/results.json`, JSON.stringify(toGradescope(result), null, 2) + "\n");
  await writeAtomic(`${dir}/feedback.md`, feedbackMarkdown(result));
  await writeAtomic(`${dir}/log.txt`, log);
  await writeAtomic(`${dir}/result.json`, JSON.stringify(result, null, 2) + "\n");
}

/**
 * Reads a student's stored result, if a previous run finished it.
 *
 * @param out The output folder.
 * @param student The student.
 * @returns The result, or `undefined`.
 */
export async function readStored(
  out: string,
  student: string,
): Promise<SubmissionResult | undefined> {
  try {
    const text = await Deno.readTextFile(`${studentDir(out, student)}/result.json`);
    const result = JSON.parse(text) as SubmissionResult;
    return result.schema === 1 ? result : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the class outputs atomically: `grades.csv` and `report.html`.
 *
 * @param out The output folder.
 * @param module The module.
 * @param results One result per student.
 */
export async function writeClass(
  out: string,
  module: ModuleInfo,
  results: readonly SubmissionResult[],
): Promise<void> {
  await writeAtomic(`${out}/grades.csv`, gradesCsv(module, results));
  await writeAtomic(`${out}/report.html`, reportHtml(module, results));
}
