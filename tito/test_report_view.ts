import type { ModuleInfo } from "@tinytorch/course";
import { bold, dim, green, red, table, yellow } from "./output.ts";
import { moduleLabel } from "./project.ts";
import type { CaseResult, TaskResult, TestReport } from "./test_runner.ts";

const STATUS: Record<TaskResult["status"], string> = {
  "passed": "passed",
  "failed": "wrong answer",
  "not-implemented": "not implemented",
  "not-run": "did not run",
};

/** How a time-out's message starts (see `runModuleTests`). */
const TIMED_OUT = "did not finish in ";

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
  if (t.cases.some((c) => c.message?.startsWith(TIMED_OUT))) return "did not finish";
  const hit = stubsHit(t);
  if (t.status === "not-implemented" && hit.length && !hit.includes(t.id)) {
    return `not implemented: needs ${hit.join(", ")}`;
  }
  return STATUS[t.status];
}

function firstFailure(cases: readonly CaseResult[]): CaseResult | undefined {
  return cases.find((c) => c.status === "failed" && !c.notImplemented) ??
    cases.find((c) => c.status === "failed");
}

function indent(text: string, prefix = "     "): string[] {
  return text.split("\n").map((l) => prefix + l);
}

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The lines `tito test` prints for a report: the type check, one line per task with its first
 * failing case (expected vs got), the cross-module tests and a summary.
 *
 * @param report The report.
 * @param module The module.
 * @returns The lines.
 */
export function testReportLines(report: TestReport, module: ModuleInfo): string[] {
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
  if (report.typeCheck.ok) out.push(`${green("✅")} type check`);
  else {
    out.push(`${red("❌")} type check: deno check reports errors (the cases ran anyway)`);
    out.push(...indent(report.typeCheck.errors.split("\n").slice(0, 30).join("\n")));
  }
  if (report.timedOut) out.push(`${red("❌")} the tests ${report.loadError}`);
  else if (report.loadError) {
    out.push(`${red("❌")} the tests could not run:`, ...indent(report.loadError));
  }
  const rows = report.tasks.map((t) => [
    t.status === "passed" ? "✅" : "❌",
    t.id,
    t.title,
    `${t.points} pts`,
    `${t.passed}/${t.cases.length}`,
    t.status === "passed" ? green(STATUS[t.status]) : red(resultText(t)),
  ]);
  out.push("", ...table(["", "task", "title", "points", "cases", "result"], rows, [3, 4]));
  for (const t of report.tasks) {
    const failure = firstFailure(t.cases);
    if (!failure || t.status === "not-implemented") continue; // the table says it all
    if (failure.message?.startsWith(TIMED_OUT)) continue; // said above
    out.push(`   ${bold(t.id)} first failing case: ${failure.name.slice(t.id.length + 1)}`);
    out.push(...indent(clip(failure.message ?? "")));
  }
  if (report.crossModule.length) {
    out.push("", bold("Cross-module tests"));
    for (const c of report.crossModule) {
      const mark = c.status === "passed" ? "✅" : c.status === "skipped" ? "➖" : "❌";
      const stub = c.notImplemented ? /task "([^"]+)"/.exec(c.message ?? "")?.[1] : undefined;
      const why = stub ? red(` — not implemented: needs ${stub}`) : "";
      out.push(`${mark} ${c.name} ${dim(`(${c.file})`)}${why}`);
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
    (report.typeCheck.ok ? "" : ", type errors") +
    (report.timedOut ? ", stopped" : report.loadError ? ", tests did not run" : "");
  return report.ok ? green(`✅ ${text}`) : red(`❌ ${text}`);
}
