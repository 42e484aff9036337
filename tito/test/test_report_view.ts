import type { ModuleInfo } from "@tinytorch/course";
import { bold, dim, green, red, table, yellow } from "../output.ts";
import { moduleLabel } from "../project.ts";
import type { CaseResult, TaskResult, TestReport } from "./test_runner.ts";

const STATUS: Record<TaskResult["status"], string> = {
  "passed": "passed",
  "failed": "wrong answer",
  "not-implemented": "not implemented",
  "not-run": "did not run",
};

/** The tasks whose stubs a task's failures ran into. */
function stubsHit(t: TaskResult): string[] {
  const named = t.cases.flatMap((c) =>
    c.notImplemented ? [...(c.message ?? "").matchAll(/task "([^"]+)"/g)].map((m) => m[1]) : []
  );
  return [...new Set(named)];
}

/** Other tasks' stubs that a task's failures ran into (a prerequisite not done yet). */
function blockedBy(t: TaskResult): string[] {
  return stubsHit(t).filter((id) => id !== t.id);
}

function resultText(t: TaskResult): string {
  if (t.cases.some((c) => c.timedOut)) return "did not finish";
  const hit = stubsHit(t);
  if (t.status === "not-implemented" && hit.length && !hit.includes(t.id)) {
    return `not implemented: needs ${hit.join(", ")}`;
  }
  return STATUS[t.status];
}

/** The failures to show: the first (a wrong answer before a stub's error), or all in order. */
function failuresToShow(cases: readonly CaseResult[], all: boolean): CaseResult[] {
  const failed = cases.filter((c) => c.status === "failed");
  if (all) return failed;
  const first = failed.find((c) => !c.notImplemented) ?? failed[0];
  return first ? [first] : [];
}

/** A case's failure: where it is defined, what it runs, and what went wrong. */
function failureLines(c: CaseResult, prefix: string): string[] {
  const where = c.location ? ` ${dim(`(${c.location})`)}` : "";
  const message = (c.message ?? "").replace(`CaseFailure: ${c.name}: `, "");
  return [
    `   ${red("✗")} ${prefix}${bold(c.name.slice(prefix.length))}${where}`,
    ...(c.run ? indent(clip(c.run, 200), "       ") : []),
    ...indent(clip(message), "       "),
  ];
}

/**
 * A load error as one message: Deno's `error: …` headed by the file:line:col it reports, then
 * the code frame.
 */
function loadErrorLines(text: string): string[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^\s*at \S+:\d+:\d+$/.test(l));
  const head = lines.findIndex((l) => l.startsWith("error: "));
  if (at === -1 || head === -1) return [`${red("❌")} the tests could not run:`, ...indent(text)];
  const where = lines[at].trim().slice(3);
  const rest = lines.filter((_, i) => i !== at && i !== head);
  return [
    `${red("❌")} the tests could not run: ${bold(where)}: ${lines[head].slice(7)}`,
    ...indent(rest.join("\n")).filter((l) => l.trim()),
  ];
}

function indent(text: string, prefix = "     "): string[] {
  return text.split("\n").map((l) => prefix + l);
}

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The tests did not load for the error `deno check` reports too (a syntax error): say it once. */
function loadErrorIsTypeError(report: TestReport): boolean {
  if (report.timedOut || !report.loadError) return false;
  const first = report.loadError.split("\n").find((l) => l.startsWith("error: "));
  return !!first && report.typeCheck.errors.includes(first);
}

/** Options of {@linkcode testReportLines}. */
export interface TestReportOptions {
  /** List every failing case, not only the first of each task. */
  readonly all?: boolean;
}

/**
 * The lines `tito test` prints for a report: the type check (type errors fail nothing), one line
 * per task, the first failing case of each task (where it is defined, its `run`, expected vs got;
 * with `all`, every failing case), the cross-module tests and a summary.
 *
 * @param report The report.
 * @param module The module.
 * @param options Show every failing case.
 * @returns The lines.
 */
export function testReportLines(
  report: TestReport,
  module: ModuleInfo,
  options: TestReportOptions = {},
): string[] {
  const out = [
    bold(`🧪 ${moduleLabel(module)}: ${module.title}`),
    dim(`   ${report.files.join(", ")}`),
  ];
  if (report.referenceDeps) {
    const { used, missing } = report.referenceDeps;
    if (used.length) out.push(`   prerequisites as reference code: ${used.join(", ")}`);
    if (missing.length) {
      out.push(yellow(`   no reference copy of ${missing.join(", ")}: your own version was used`));
    }
  }
  out.push("");
  const load = report.timedOut ? null : report.loadError;
  const sameError = loadErrorIsTypeError(report);
  if (report.typeCheck.ok) out.push(`${green("✅")} type check`);
  else if (!sameError) {
    out.push(`${yellow("⚠️")} type check: deno check reports errors (not graded; the cases ran)`);
    out.push(...indent(report.typeCheck.errors.split("\n").slice(0, 30).join("\n")));
  }
  if (report.timedOut) out.push(`${red("❌")} the tests ${report.loadError}`);
  else if (load) out.push(...loadErrorLines(load));
  const rows = report.tasks.map((t) => [
    t.status === "passed" ? "✅" : "❌",
    t.id,
    t.title,
    `${t.points} pts`,
    `${t.passed}/${t.cases.length}`,
    t.status === "passed" ? green(STATUS[t.status]) : red(resultText(t)),
  ]);
  out.push("", ...table(["", "task", "title", "points", "cases", "result"], rows, [3, 4]));
  const failures: string[] = [];
  for (const t of report.tasks) {
    if (t.status === "not-implemented") continue; // the table says it all
    const cases = t.cases.filter((c) => c.name !== report.timedOut?.test); // said above
    const shown = failuresToShow(cases, options.all ?? false);
    for (const c of shown) failures.push(...failureLines(c, `${t.id} `));
    const more = cases.filter((c) => c.status === "failed").length - shown.length;
    if (more > 0) {
      const again = `tito test --module ${module.name}${
        report.task ? ` --task ${t.id}` : ""
      } --all`;
      failures.push(dim(`     …and ${more} more failing case${more > 1 ? "s" : ""}: ${again}`));
    }
  }
  if (failures.length) out.push("", ...failures);
  if (report.crossModule.length) {
    out.push("", bold("Cross-module tests"));
    for (const c of report.crossModule) {
      const mark = c.status === "passed" ? "✅" : c.status === "skipped" ? "➖" : "❌";
      const stub = c.notImplemented ? /task "([^"]+)"/.exec(c.message ?? "")?.[1] : undefined;
      const why = stub ? red(` — not implemented: needs ${stub}`) : "";
      out.push(`${mark} ${c.name} ${dim(`(${c.location ?? c.file})`)}${why}`);
      if (c.status === "failed" && !stub) out.push(...indent(clip(c.message ?? "")));
    }
  }
  out.push("", summaryLine(report));
  const elsewhere = report.tasks.flatMap(blockedBy).filter((id) =>
    !id.startsWith(`${module.name}.`)
  );
  if (elsewhere.length && !report.referenceDeps) {
    out.push(
      `💡 Stubs of ${[...new Set(elsewhere)].join(", ")} block some cases: ` +
        `tito test --module ${module.name} --reference-deps runs on reference prerequisites.`,
    );
  }
  return out;
}

/**
 * One line: how many tasks, cases and cross-module tests passed.
 *
 * @param report The report.
 * @returns The line.
 */
export function summaryLine(report: TestReport): string {
  const tasks = report.tasks.filter((t) => t.status === "passed").length;
  const cases = report.tasks.flatMap((t) => t.cases);
  const passed = cases.filter((c) => c.status === "passed").length;
  const cross = report.crossModule.filter((c) => c.status !== "failed").length;
  const text = `${tasks}/${report.tasks.length} tasks pass, ${passed}/${cases.length} cases` +
    (report.crossModule.length
      ? `, ${cross}/${report.crossModule.length} cross-module tests`
      : "") +
    (report.typeCheck.ok || loadErrorIsTypeError(report) ? "" : ", type errors (not graded)") +
    (report.timedOut ? ", stopped" : report.loadError ? ", tests did not run" : "");
  return report.ok ? green(`✅ ${text}`) : red(`❌ ${text}`);
}
