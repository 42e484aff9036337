import type { MilestoneInfo } from "@tinytorch/course";
import { type MilestoneStatus, milestoneStatus } from "../progress/course_status.ts";
import { bold, command, dim, type Out } from "../output.ts";
import { isForced, type MilestoneProgress, readProgress } from "../progress/progress_store.ts";
import { type Project, resolveMilestone } from "../project.ts";

/** What `tito milestone info` shows. */
export interface MilestoneInfoReport {
  /** The milestone. */
  readonly milestone: MilestoneInfo;
  /** Its modules, and whether each has a recorded completion. */
  readonly modules: readonly { readonly name: string; readonly done: boolean }[];
  /** The last passing run's record, or `null`. */
  readonly record: MilestoneProgress | null;
  /** That run was forced (`--force` with incomplete modules): not an achievement. */
  readonly forced: boolean;
  /** Where the learner stands. */
  readonly status: MilestoneStatus;
}

/**
 * `tito milestone info <id>`: what a milestone runs, its pass marks, the modules it needs (done
 * or not) and the last passing run's measurements.
 *
 * @param project The project.
 * @param ref The milestone's id or title.
 * @returns The report.
 * @throws {TitoError} When no milestone matches.
 */
export async function milestoneInfo(project: Project, ref: string): Promise<MilestoneInfoReport> {
  const milestone = resolveMilestone(project, ref);
  const progress = await readProgress(project.root);
  const record = progress.milestones[milestone.id] ?? null;
  return {
    milestone,
    modules: milestone.modules.map((name) => ({ name, done: !!progress.modules[name] })),
    record,
    forced: record !== null && isForced(record),
    status: milestoneStatus(milestone, progress),
  };
}

/**
 * Prints `tito milestone info`.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printMilestoneInfo(report: MilestoneInfoReport, out: Out): void {
  const { milestone: m, record } = report;
  out.say(bold(`Milestone ${m.id}: ${m.title} (${m.year})`), "", m.summary, "", "Pass marks:");
  for (const [k, v] of Object.entries(m.thresholds)) out.say(`  ${k} = ${v}`);
  out.say("", "Uses your modules:");
  for (const { name, done } of report.modules) out.say(`  ${done ? "✅" : "⬜"} ${name}`);
  if (record && report.forced) {
    const then = record.incompleteModules?.join(", ") ?? "some modules";
    out.say("", `⚠️  Passed with --force ${record.achievedAt} (${then} incomplete: not achieved):`);
  } else if (record) out.say("", `🏆 Achieved ${record.achievedAt}:`);
  if (record) {
    for (const [k, v] of Object.entries(record.measurements)) out.say(`  ${k}: ${v}`);
  }
  const locked = report.status === "locked" || report.status === "forced";
  out.say(
    "",
    locked
      ? dim(
        `Locked until those modules are complete (${
          command(`tito milestone run ${m.id} --force`)
        } tries anyway).`,
      )
      : `💡 ${command(`tito milestone run ${m.id}`)}`,
  );
}
