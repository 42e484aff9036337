import { type ModuleInfo, renderDirectory } from "@tinytorch/course";
import { backupModule } from "./backup.ts";
import { replaceTree } from "../files.ts";
import { bold, command, type Out } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, type Project, resolveModule } from "../project.ts";
import { hasReference, missingReferenceHint, referencePath } from "../reference/references.ts";
import { TitoError } from "../tito_error.ts";

/** What `tito module reset` did. */
export interface ModuleResetReport {
  /** The module. */
  readonly module: ModuleInfo;
  /** The reference solution was restored (`--solution`), not the stub. */
  readonly solution: boolean;
  /** A reference copy was there (the stub was rendered from it). */
  readonly fromReference: boolean;
  /** Task bodies rendered as stubs, or `null` with `solution`. */
  readonly regions: number | null;
  /** The backup folder, relative to the root. */
  readonly backup: string;
  /** When the module's completion was recorded (it stays recorded), or `null`. */
  readonly completedAt: string | null;
}

/**
 * `tito module reset <module> [--solution]`: restores the stub (rendered from the reference copy
 * when there is one, else from the current files' task bodies), or with `--solution` the
 * reference itself. Always backs up the folder first.
 *
 * @param project The project.
 * @param ref The module's number or name.
 * @param options `solution`: restore the reference solution.
 * @returns The report.
 * @throws {TitoError} When no module matches, or `solution` and there is no reference copy.
 */
export async function moduleReset(
  project: Project,
  ref: string,
  options: { solution?: boolean } = {},
): Promise<ModuleResetReport> {
  const module = resolveModule(project, ref);
  const { root } = project;
  const progress = await readProgress(root);
  const reference = await hasReference(root, module);
  const solution = options.solution === true;
  if (solution && !reference) {
    throw new TitoError(
      `Cannot reset ${moduleLabel(module)} to its solution: no reference copy is available`,
      { hint: missingReferenceHint(module) },
    );
  }
  const backup = await backupModule(
    root,
    module,
    solution ? "module reset --solution" : "module reset",
  );
  const dir = `${root}/${module.dir}`;
  if (reference) await replaceTree(`${root}/${referencePath(module)}`, dir);
  const regions = solution
    ? null
    : (await renderDirectory(dir, { lesson: `${module.dir}/README.md` })).length;
  const completedAt = progress.modules[module.name]?.completedAt ?? null;
  return { module, solution, fromReference: reference, regions, backup, completedAt };
}

/**
 * Prints `tito module reset`: what was restored, the backup, and the next command.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printModuleReset(report: ModuleResetReport, out: Out): void {
  const { module } = report;
  out.say(bold(`↩️  ${moduleLabel(module)}: ${module.title}`), "");
  if (report.solution) {
    out.say(`Restored the reference solution from ${referencePath(module)}/.`);
  } else {
    if (!report.fromReference) {
      out.warn(
        `${missingReferenceHint(module)} So tito rendered your current files' task ` +
          `bodies as stubs; your changes outside task bodies stay.`,
      );
    }
    out.say(`Restored the stub: ${report.regions} task bodies throw NotImplementedError again.`);
  }
  out.say(`Backed up what was there to ${report.backup}/`);
  if (report.completedAt !== null) {
    out.say(
      `Your completion (${report.completedAt.slice(0, 10)}) stays recorded; ` +
        `tito module complete ${module.name} checks the code again.`,
    );
  }
  out.say("", `💡 Next: ${command(`tito test --module ${module.name}`)}`);
}
