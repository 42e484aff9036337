import { createHash } from "node:crypto";
import type { ModuleInfo } from "@tinytorch/course";
import { feedbackMarkdown } from "./feedback.ts";
import { gradesCsv } from "./grades_csv.ts";
import { toGradescope } from "./gradescope_results.ts";
import { writeAtomic } from "../paths.ts";
import { reportHtml } from "./report_html.ts";
import type { SubmissionResult } from "../result.ts";

const SLUG_LENGTH = 40;

/**
 * A student's output folder name: a readable slug (letters and digits of any script, `.`, `_`,
 * `-`, `@`; anything else becomes `_`; at most 40 characters) plus the first 12 hex digits of the
 * SHA-256 of the exact name. Names that differ in anything — a space against an underscore, case,
 * NFC against NFD, one CJK character — get different folders, and the same name always the same.
 *
 * @param student The student.
 * @returns A safe folder name, e.g. `ada_smith-3f1c…`.
 */
export function studentFolder(student: string): string {
  const slug = [...student.normalize("NFC").replace(/[^\p{L}\p{N}._@-]/gu, "_")]
    .slice(0, SLUG_LENGTH).join("").replace(/^\.+/, "_");
  const hash = createHash("sha256").update(student, "utf8").digest("hex").slice(0, 12);
  return `${slug || "_"}-${hash}`;
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
  const other = await storedStudent(dir);
  if (other !== undefined && other !== result.student) {
    throw new RangeError(
      `Cannot write the results of "${result.student}" to ${dir}: it holds those of "${other}"`,
    );
  }
  await writeAtomic(`${dir}/results.json`, JSON.stringify(toGradescope(result), null, 2) + "\n");
  await writeAtomic(`${dir}/feedback.md`, feedbackMarkdown(result));
  await writeAtomic(`${dir}/log.txt`, log);
  await writeAtomic(`${dir}/result.json`, JSON.stringify(result, null, 2) + "\n");
}

async function storedStudent(dir: string): Promise<string | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(`${dir}/result.json`)).student;
  } catch {
    return undefined;
  }
}

/**
 * Reads a student's stored result, if a previous run finished it for exactly this name.
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
    return result.schema === 1 && result.student === student ? result : undefined;
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
