import { stubbedTasks } from "../module/stub_state.ts";
import { bar, bold, command, dim, type Out, table } from "../output.ts";
import { moduleNumbers, type Project } from "../project.ts";
import {
  incomplete,
  type MilestoneStatus,
  milestoneStatus,
  type ModuleStatus,
  moduleStatuses,
  nextCommand,
} from "./course_status.ts";
import { readProgress } from "./progress_store.ts";

/** A module's line of `tito module status`. */
export interface ModuleStanding {
  /** The module's name. */
  readonly name: string;
  /** Its course numbers. */
  readonly numbers: readonly number[];
  /** Where the learner stands. */
  readonly status: ModuleStatus;
  /** When its completion was recorded (ISO 8601), or `null`. */
  readonly completedAt: string | null;
  /** The completion was recorded with `--force` from the course's reference. */
  readonly forced: boolean;
  /** Its prerequisites that are not complete yet. */
  readonly needs: readonly string[];
  /** In progress: how many of its tasks are no longer stubs; otherwise `null`. */
  readonly tasksWritten: number | null;
  /** How many tasks it has. */
  readonly tasks: number;
}

/** A milestone's line of `tito module status`. */
export interface MilestoneStanding {
  /** Its id, e.g. `"06"`. */
  readonly id: string;
  /** Its title. */
  readonly title: string;
  /** The year of the original result. */
  readonly year: number;
  /** Where the learner stands. */
  readonly status: MilestoneStatus;
  /** Its modules that are not complete yet. */
  readonly needs: readonly string[];
}

/** What `tito module status` (without a module) shows: the learner's progress. */
export interface ProgressStatusReport {
  /** Every module, in course order. */
  readonly modules: readonly ModuleStanding[];
  /** Every milestone, in course order. */
  readonly milestones: readonly MilestoneStanding[];
  /** The command to type next (spelled `tito …`). */
  readonly next: string;
}

/**
 * `tito module status`: every module (done / in progress / ready / locked), the milestones and
 * the next command, from `.tito/progress.json` and the module folders.
 *
 * @param project The project.
 * @returns The report.
 * @throws {TitoError} When the progress file is corrupt (it is moved aside).
 */
export async function progressStatus(project: Project): Promise<ProgressStatusReport> {
  const progress = await readProgress(project.root);
  const statuses = await moduleStatuses(project, progress);
  const modules: ModuleStanding[] = [];
  for (const m of project.modules) {
    const status = statuses.get(m.name)!;
    const done = progress.modules[m.name];
    const stubs = status === "in progress"
      ? await stubbedTasks(project.root, m).catch(() => [])
      : null;
    modules.push({
      name: m.name,
      numbers: m.numbers,
      status,
      completedAt: done?.completedAt ?? null,
      forced: done?.forced === true,
      needs: incomplete(m.prerequisites, progress),
      tasksWritten: stubs && m.tasks.length - stubs.length,
      tasks: m.tasks.length,
    });
  }
  const milestones = project.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    year: m.year,
    status: milestoneStatus(m, progress),
    needs: incomplete(m.modules, progress),
  }));
  return { modules, milestones, next: await nextCommand(project, progress) };
}

const ICON = { "done": "✅", "in progress": "🔨", "ready": "⏳", "locked": "🔒" } as const;
const MILESTONE_ICON = {
  "achieved": "🏆",
  "forced": "⚠️ ",
  "ready": "🎯",
  "locked": "🔒",
} as const;

function note(m: ModuleStanding): string {
  if (m.status === "done") {
    const forced = m.forced ? " (forced: the course's reference)" : "";
    return dim(`completed ${m.completedAt!.slice(0, 10)}${forced}`);
  }
  if (m.status === "locked") return dim(`needs ${m.needs.join(", ")}`);
  if (m.status === "in progress") return dim(`${m.tasksWritten} of ${m.tasks} tasks written`);
  return "";
}

function milestoneNote(m: MilestoneStanding): string {
  if (m.status === "locked") return `needs ${m.needs.join(", ")}`;
  if (m.status === "forced") return `passed with --force; needs ${m.needs.join(", ")}`;
  return m.status;
}

/**
 * Prints `tito module status`: a table of the modules, a progress bar, the milestones and the
 * next command.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printProgressStatus(report: ProgressStatusReport, out: Out): void {
  const rows = report.modules.map((m) => [
    moduleNumbers(m),
    m.name,
    `${ICON[m.status]} ${m.status}`,
    note(m),
  ]);
  const all = report.modules.length;
  const done = report.modules.filter((m) => m.status === "done").length;
  out.say(bold("Your TinyTorch"), "");
  out.say(...table(["#", "module", "status", "progress"], rows));
  out.say("", `${bar(done, all, 30).padEnd(30, "░")} ${done}/${all} modules complete`);
  if (report.milestones.length) {
    out.say("", bold("Milestones"));
    for (const m of report.milestones) {
      out.say(
        `  ${MILESTONE_ICON[m.status]} ${m.id} ${m.title} (${m.year}) ${dim(milestoneNote(m))}`,
      );
    }
  }
  out.say("", `💡 Next: ${command(report.next)}`);
}
