import type { ModuleInfo } from "@tinytorch/course";
import { dim, type Out, table } from "../output.ts";
import { moduleNumbers, type Project } from "../project.ts";

/** What `tito module list` shows. */
export interface ModuleListReport {
  /** The course's modules, in course order, with their points. */
  readonly modules: readonly (ModuleInfo & { readonly points: number })[];
  /** Every task is listed (`--tasks`). */
  readonly withTasks: boolean;
}

/**
 * `tito module list [--tasks]`: the course's modules (numbers, names, titles, tasks, points,
 * prerequisites), and with `--tasks` every task.
 *
 * @param project The project.
 * @param options `tasks`: list every task.
 * @returns The report.
 */
export function moduleList(
  project: Project,
  options: { tasks?: boolean } = {},
): Promise<ModuleListReport> {
  return Promise.resolve({
    modules: project.modules.map((m) => ({
      ...m,
      points: m.tasks.reduce((s, t) => s + t.points, 0),
    })),
    withTasks: options.tasks === true,
  });
}

/**
 * Prints `tito module list`.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printModuleList(report: ModuleListReport, out: Out): void {
  const rows = report.modules.map((m) => [
    moduleNumbers(m),
    m.name,
    m.title,
    String(m.tasks.length),
    String(m.points),
    m.prerequisites.join(", ") || "—",
  ]);
  out.say(...table(["#", "module", "title", "tasks", "points", "builds on"], rows, [3, 4]));
  if (report.withTasks) {
    for (const m of report.modules) {
      out.say("", `${moduleNumbers(m)} ${m.name}`);
      for (const t of m.tasks) {
        out.say(`  ${t.id.padEnd(16)} ${t.title} ${dim(`(${t.points} pts)`)}`);
      }
    }
  }
  out.say("", dim("Modules answer to their number or name: tito module start 15 = quantization."));
}
