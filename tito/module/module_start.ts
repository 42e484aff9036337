import { listRegions, type ModuleInfo, renderDirectory } from "@tinytorch/course";
import { backupModule, listBackups } from "./backup.ts";
import { incomplete } from "../progress/course_status.ts";
import { uncommittedFiles } from "../git.ts";
import { bold, command, dim, type Out } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, moduleNumbers, type Project, resolveModule } from "../project.ts";
import { checkReference } from "../reference/reference_manifest.ts";
import { referencePath, saveReference } from "../reference/references.ts";
import { type ModuleState, moduleState } from "./stub_state.ts";
import { listSome } from "../files.ts";
import { TitoError } from "../tito_error.ts";

/** What `tito module start` did. */
export interface ModuleStartReport {
  /** The module. */
  readonly module: ModuleInfo;
  /** Its prerequisites that are not complete yet (it starts anyway). */
  readonly missingPrerequisites: readonly string[];
  /** The folder already held the stub: nothing was rendered or backed up. */
  readonly alreadyStub: boolean;
  /** Task regions in the folder (rendered as stubs, unless it already held the stub). */
  readonly regions: number;
  /** The tasks of those regions, in task order. */
  readonly tasks: readonly string[];
  /** Files saved as the reference to `.tito/reference/<name>/` (0: none saved). */
  readonly savedReference: number;
  /** Why no reference was saved from a folder replaced with `--force`, or `null`. */
  readonly noReference: string | null;
  /** The backup folder, relative to the root, or `null` when nothing was backed up. */
  readonly backup: string | null;
  /** The lesson, relative to the root. */
  readonly lesson: string;
}

/** Options of {@linkcode moduleStart}. */
export interface ModuleStartOptions {
  /** Replace a folder that holds work that is neither the stub nor the reference. */
  readonly force?: boolean;
  /** Called before anything changes, with warnings that stand even when the start is refused. */
  readonly onWarning?: (text: string) => void;
}

/** Saves the reference from a folder that is the course's code (never from edits). */
async function keepReference(root: string, module: ModuleInfo) {
  let state = await moduleState(root, module);
  const startedBefore = (await listBackups(root)).some((b) => b.module === module.name);
  if (state.isReference !== null || state.isStub || startedBefore) {
    return { state, saved: 0, why: null };
  }
  const check = await checkReference(root, module);
  if (!check.matches) return { state, saved: 0, why: check.why };
  const saved = await saveReference(root, module); // the course's code: keep it
  state = await moduleState(root, module);
  return { state, saved, why: null };
}

function refusal(module: ModuleInfo, why: string | null, changed: string[] | null): TitoError {
  const uncommitted = changed?.length ? `uncommitted: ${listSome(changed)}` : "";
  const parts = [why ?? "", uncommitted].filter((p) => p !== "").join("; ");
  return new TitoError(
    `Cannot start ${moduleLabel(module)}: ${module.dir} differs from both its stub and ` +
      `its reference${parts ? ` (${parts})` : ""}. Nothing was changed`,
    {
      hint:
        `To replace it with the stub anyway, run ${
          command(`tito module start ${moduleNumbers(module)} --force`)
        }: tito backs the folder up to .tito/backups/ first (commit your work too, to be ` +
        `safe) and saves no reference from it.`,
    },
  );
}

const isWork = (state: ModuleState) => !state.isStub && state.isReference !== true;

/**
 * `tito module start <module> [--force]`: renders the module's stub in place. In the course
 * repository it first saves the reference to `.tito/reference/<name>/`, only when the folder
 * matches `tito/reference_manifest.json` file for file (a learner's edits, committed or not, are
 * never saved as the reference). It refuses to replace work that is neither the stub nor the
 * reference unless `--force` (which saves no reference), and always backs up the folder.
 *
 * @param project The project.
 * @param ref The module's number or name.
 * @param options `force`; `onWarning` for the prerequisites not complete yet.
 * @returns The report.
 * @throws {TitoError} When no module matches, or the folder holds work and there is no `force`.
 */
export async function moduleStart(
  project: Project,
  ref: string,
  options: ModuleStartOptions = {},
): Promise<ModuleStartReport> {
  const module = resolveModule(project, ref);
  const { root } = project;
  const missing = incomplete(module.prerequisites, await readProgress(root));
  if (missing.length) {
    options.onWarning?.(
      `${module.name} builds on ${missing.join(", ")}, not complete yet. You can start ` +
        `anyway; tito test --module ${module.name} --reference-deps tests it on reference code.`,
    );
  }
  const changed = await uncommittedFiles(root, module.dir);
  const { state, saved, why } = await keepReference(root, module);
  if (isWork(state) && !options.force) throw refusal(module, why, changed);
  const lesson = `${module.dir}/README.md`;
  // A folder that is already the stub is left as it is, byte for byte.
  const backup = state.isStub ? null : await backupModule(root, module, "module start");
  const regions = state.isStub
    ? await listRegions(`${root}/${module.dir}`)
    : await renderDirectory(`${root}/${module.dir}`, { lesson });
  const tasks = [...new Set(regions.map((r) => r.task))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true })
  );
  return {
    module,
    missingPrerequisites: missing,
    alreadyStub: state.isStub,
    regions: regions.length,
    tasks,
    savedReference: saved,
    noReference: why,
    backup,
    lesson,
  };
}

/**
 * Prints `tito module start`: what was rendered, saved and backed up, the lesson, the tasks and
 * the next command (the warnings of `onWarning` are not repeated).
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printModuleStart(report: ModuleStartReport, out: Out): void {
  const { module } = report;
  out.say(bold(`🚀 ${moduleLabel(module)}: ${module.title}`), "");
  if (report.alreadyStub) out.say("The folder already held the stub: nothing to render.");
  else out.say(`Rendered ${report.regions} task bodies as stubs (${report.tasks.join(", ")}).`);
  if (report.savedReference) {
    out.say(
      `Saved the reference (${report.savedReference} files) to ${referencePath(module)}/ ` +
        dim("(tito module reset --solution and --reference-deps read it)"),
    );
  }
  if (report.noReference) {
    out.warn(
      `Saved no reference: ${report.noReference}; tito module reset --solution and ` +
        `--reference-deps have no ${module.name} reference to use.`,
    );
  }
  if (report.backup) out.say(`Backed up the folder to ${report.backup}/`);
  out.say(`The lesson: ${report.lesson}`, "");
  for (const t of module.tasks) {
    out.say(`  ${t.id.padEnd(16)} ${t.title} ${dim(`(${t.points} pts)`)}`);
  }
  out.say("", `💡 Next: ${command(`tito test --module ${module.name}`)}`);
}
