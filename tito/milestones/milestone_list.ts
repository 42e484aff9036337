import type { MilestoneInfo } from "@tinytorch/course";
import { incomplete, type MilestoneStatus, milestoneStatus } from "../progress/course_status.ts";
import { dim, type Out, table } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import type { Project } from "../project.ts";

/** A milestone in `tito milestone list`. */
export interface MilestoneListEntry extends MilestoneInfo {
  /** Where the learner stands. */
  readonly status: MilestoneStatus;
  /** Its modules that are not complete yet. */
  readonly needs: readonly string[];
}

/** What `tito milestone list` shows. */
export interface MilestoneListReport {
  /** Every milestone, in course order. */
  readonly milestones: readonly MilestoneListEntry[];
}

/**
 * `tito milestone list`: every milestone with its modules and status.
 *
 * @param project The project.
 * @returns The report.
 * @throws {TitoError} When the progress file is corrupt (it is moved aside).
 */
export async function milestoneList(project: Project): Promise<MilestoneListReport> {
  const progress = await readProgress(project.root);
  return {
    milestones: project.milestones.map((m) => ({
      ...m,
      status: milestoneStatus(m, progress),
      needs: incomplete(m.modules, progress),
    })),
  };
}

const LABEL = {
  achieved: "🏆 achieved",
  forced: "⚠️  passed with --force",
  ready: "🎯 ready to run",
  locked: "🔒 locked",
} as const;

/**
 * Prints `tito milestone list`.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printMilestoneList(report: MilestoneListReport, out: Out): void {
  const rows = report.milestones.map((m) => [
    m.id,
    `${m.title} (${m.year})`,
    m.modules.join(", "),
    LABEL[m.status] +
    (m.needs.length ? dim(`${m.status === "forced" ? ";" : ""} needs ${m.needs.join(", ")}`) : ""),
  ]);
  out.say(...table(["id", "milestone", "uses your", "status"], rows));
  out.say("", dim("tito milestone info <id> explains one; tito milestone run <id> runs it."));
}
