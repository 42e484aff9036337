import { markdownFence, markdownText } from "./inert_text.ts";
import type { CaseResult, FailureKind, SubmissionResult, TaskResult } from "../result.ts";

/** How each failure kind is named to students. */
export const KIND_LABELS: Readonly<Record<FailureKind, string>> = {
  "not-attempted": "not attempted",
  "wrong-answer": "wrong answer",
  "compile-error": "compile error",
  "time-limit": "time limit",
  "memory-limit": "memory limit",
  "output-limit": "output limit",
  forbidden: "forbidden import or access",
  crashed: "crashed",
};

const MAX_MESSAGE = 500;

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return markdownText(one, MAX_MESSAGE);
}

/**
 * Formats a number of points without float noise (`12.5`, `7`).
 *
 * @param x Points.
 * @returns The text.
 */
export function points(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function kindCounts(cases: readonly CaseResult[]): string {
  const counts = new Map<string, number>();
  for (const c of cases) {
    if (c.passed || !c.kind) continue;
    counts.set(KIND_LABELS[c.kind], (counts.get(KIND_LABELS[c.kind]) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

/**
 * What a student may see about one task: each failed visible case with its kind and message
 * (expected vs got), and only counts for hidden cases.
 *
 * @param task The task's score.
 * @param cases All case verdicts of the submission.
 * @returns Markdown lines.
 */
export function taskFeedback(task: TaskResult, cases: readonly CaseResult[]): string[] {
  const mine = cases.filter((c) => c.task === task.id);
  const visible = mine.filter((c) => !c.hidden);
  const hidden = mine.filter((c) => c.hidden);
  const lines = [`${task.passed} of ${task.total} cases passed.`];
  const groups = new Map<string, CaseResult[]>();
  for (const c of visible.filter((c) => !c.passed)) {
    const key = `${c.kind ? KIND_LABELS[c.kind] : "failed"}\0${clip(c.message ?? "")}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    const [kind, message] = key.split("\0");
    lines.push(
      group.length === 1
        ? `- ✗ **${group[0].name}** (${kind}): ${message}`
        : `- ✗ ${group.length} cases (${kind}): ${message}: ${
          group.map((c) => `**${c.name}**`).join(", ")
        }`,
    );
  }
  if (hidden.length > 0) {
    const passed = hidden.filter((c) => c.passed).length;
    const why = kindCounts(hidden);
    lines.push(`- Hidden cases: ${passed} of ${hidden.length} passed${why ? ` (${why})` : ""}.`);
  }
  return lines;
}

function table(result: SubmissionResult): string[] {
  return [
    "| Task | Title | Cases passed | Score |",
    "| ---- | ----- | ------------ | ----- |",
    ...result.tasks.map((t) =>
      `| ${t.id} | ${t.title} | ${t.passed}/${t.total} | ${points(t.score)} / ${t.points} |`
    ),
  ];
}

// A note's first line as text; the rest (e.g. Deno's code frame of a syntax error) verbatim.
function noteLines(note: string): string[] {
  const [first, ...rest] = note.split("\n");
  const detail = rest.join("\n").replace(/^(\s*\n)+/, "").trimEnd();
  return [`- ${markdownText(first)}`, ...(detail ? ["", ...markdownFence(detail)] : [])];
}

/**
 * The student's feedback as Markdown: total, notes (load errors, refused imports, type errors),
 * a task table and what failed per task. Hidden cases are counted, never named. Names, notes and
 * messages are escaped so they render as the text they are, type errors sit in a fence longer
 * than any backtick run they hold.
 *
 * @param result The graded submission.
 * @returns The Markdown.
 */
export function feedbackMarkdown(result: SubmissionResult): string {
  const out = [
    `# ${result.module}: ${points(result.score)} / ${result.maxScore}`,
    "",
    `Student: ${
      markdownText(result.student)
    } · status: ${result.status} · graded ${result.gradedAt}`,
    "",
  ];
  if (result.notes.length > 0) {
    out.push(
      "## Notes",
      "",
      ...result.notes.flatMap(noteLines),
      "",
    );
  }
  out.push("## Tasks", "", ...table(result), "");
  for (const t of result.tasks) {
    if (t.passed === t.total || (result.status !== "graded" && result.notes.length > 0)) continue;
    out.push(`## ${t.id}: ${t.title} (${points(t.score)} / ${t.points})`, "");
    out.push(...taskFeedback(t, result.cases), "");
  }
  if (result.typeErrors) {
    const heading = result.status === "graded"
      ? "Type errors (the cases still ran)"
      : "Type errors";
    out.push(`## ${heading}`, "", ...markdownFence(result.typeErrors), "");
  }
  return out.join("\n");
}
