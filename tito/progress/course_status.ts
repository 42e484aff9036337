import type { MilestoneInfo, ModuleInfo } from "@tinytorch/course";
import { listBackups } from "../module/backup.ts";
import { isForced, type Progress } from "./progress_store.ts";
import type { Project } from "../project.ts";
import { moduleState, stubbedTasks } from "../module/stub_state.ts";

/** Where a learner stands with a module. */
export type ModuleStatus = "done" | "in progress" | "ready" | "locked";

/**
 * Where a learner stands with a milestone: `forced` is a run that passed with `--force` while
 * its modules were (and still are) incomplete, which is not an achievement.
 */
export type MilestoneStatus = "achieved" | "forced" | "ready" | "locked";

/**
 * The modules a module or milestone needs that are not complete yet: not recorded, or recorded
 * with `--force` from the course's own reference (the learner did not write it).
 *
 * @param needs Module names.
 * @param progress The progress record.
 * @returns The incomplete ones.
 */
export function incomplete(needs: readonly string[], progress: Progress): string[] {
  return needs.filter((n) => !progress.modules[n] || progress.modules[n].forced === true);
}

/**
 * Each module's status: done (completion recorded), in progress (started or reset by tito, or
 * some but not all tasks still stubs), ready (prerequisites done) or locked.
 *
 * @param project The project.
 * @param progress The progress record.
 * @returns Status by module name.
 */
export async function moduleStatuses(
  project: Project,
  progress: Progress,
): Promise<Map<string, ModuleStatus>> {
  const touched = new Set((await listBackups(project.root)).map((b) => b.module));
  const out = new Map<string, ModuleStatus>();
  for (const m of project.modules) {
    if (progress.modules[m.name]) out.set(m.name, "done");
    else if (touched.has(m.name) || await partlyDone(project, m)) out.set(m.name, "in progress");
    else out.set(m.name, incomplete(m.prerequisites, progress).length ? "locked" : "ready");
  }
  return out;
}

async function partlyDone(project: Project, m: ModuleInfo): Promise<boolean> {
  const s = await moduleState(project.root, m, false).catch(() => null);
  return s !== null && s.stubbedRegions > 0 && s.stubbedRegions < s.regions;
}

/**
 * A milestone's status.
 *
 * @param m The milestone.
 * @param progress The progress record.
 * @returns Achieved (a run passed on complete modules), forced (a run passed with `--force` and
 *   the modules are still incomplete), ready (its modules are complete: a forced pass counts for
 *   nothing then) or locked.
 */
export function milestoneStatus(m: MilestoneInfo, progress: Progress): MilestoneStatus {
  const record = progress.milestones[m.id];
  if (record && !isForced(record)) return "achieved";
  if (incomplete(m.modules, progress).length) return record ? "forced" : "locked";
  return "ready";
}

/**
 * The command to type next, one that can succeed: a milestone that is ready; else for the first
 * module not done, `start` when it is untouched, `test` of its first task that is still a stub
 * when it is in progress, `complete` when no task is a stub any more; once everything is done,
 * `submit` of the last module.
 *
 * @param project The project.
 * @param progress The progress record.
 * @returns A tito command line.
 */
export async function nextCommand(project: Project, progress: Progress): Promise<string> {
  const milestone = project.milestones.find((m) => milestoneStatus(m, progress) === "ready");
  if (milestone) return `tito milestone run ${milestone.id}`;
  const number = (m: ModuleInfo) => String(m.numbers[0]).padStart(2, "0");
  const module = project.modules.find((m) =>
    !progress.modules[m.name] || progress.modules[m.name].forced
  );
  if (!module) return `tito submit ${number(project.modules.at(-1)!)}`;
  const status = (await moduleStatuses(project, progress)).get(module.name);
  if (status !== "in progress") return `tito module start ${number(module)}`;
  const stubs = await stubbedTasks(project.root, module).catch(() => []);
  if (stubs.length === 0) return `tito module complete ${number(module)}`;
  return `tito test --module ${number(module)} --task ${stubs[0].split(".")[1]}`;
}
