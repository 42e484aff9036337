import { Command } from "commander";
import { listRegions, renderDirectory } from "@tinytorch/course";
import { backupModule, listBackups } from "./backup.ts";
import { action } from "../command_action.ts";
import { incomplete } from "../progress/course_status.ts";
import { uncommittedFiles } from "../git.ts";
import { bold, command, dim, say, warn } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, moduleNumbers, openProject, resolveModule } from "../project.ts";
import { checkReference } from "../reference/reference_manifest.ts";
import { referencePath, saveReference } from "../reference/references.ts";
import { moduleState } from "./stub_state.ts";
import { listSome } from "../files.ts";
import { TitoError } from "../tito_error.ts";

/**
 * `tito module start <module> [--force]`: renders the module's stub in place. In the course
 * repository it first saves the reference to `.tito/reference/<name>/`, only when the folder
 * matches `tito/reference_manifest.json` file for file (a learner's edits, committed or not, are
 * never saved as the reference). It refuses to replace work that is neither the stub nor the
 * reference unless `--force` (which saves no reference), and always backs up the folder.
 *
 * @returns The command.
 */
export function moduleStartCommand(): Command {
  return new Command("start")
    .description("render a module's stubs so you can implement it (backs up the folder first)")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("--force", "replace the folder even if it holds work that is not the stub")
    .action(action(async (ref: string, options: { force?: boolean }) => {
      const project = await openProject();
      const module = resolveModule(project, ref);
      const { root } = project;
      const progress = await readProgress(root);
      const missing = incomplete(module.prerequisites, progress);
      if (missing.length) {
        warn(
          `${module.name} builds on ${missing.join(", ")}, not complete yet. You can start ` +
            `anyway; tito test --module ${module.name} --reference-deps tests it on reference code.`,
        );
      }
      const changed = await uncommittedFiles(root, module.dir);
      let state = await moduleState(root, module);
      let savedReference = 0;
      let notReference = "";
      const startedBefore = (await listBackups(root)).some((b) => b.module === module.name);
      if (state.isReference === null && !state.isStub && !startedBefore) {
        const check = await checkReference(root, module);
        if (check.matches) {
          savedReference = await saveReference(root, module); // the course's code: keep it
          state = await moduleState(root, module);
        } else notReference = check.why;
      }
      const work = !state.isStub && state.isReference !== true;
      if (work && !options.force) {
        const uncommitted = changed?.length ? `uncommitted: ${listSome(changed)}` : "";
        const parts = [notReference, uncommitted].filter((p) => p !== "").join("; ");
        const why = parts ? ` (${parts})` : "";
        throw new TitoError(
          `Cannot start ${moduleLabel(module)}: ${module.dir} differs from both its stub and ` +
            `its reference${why}. Nothing was changed`,
          {
            hint:
              `To replace it with the stub anyway, run ${
                command(`tito module start ${moduleNumbers(module)} --force`)
              }: tito backs the folder up to .tito/backups/ first (commit your work too, to be ` +
              `safe) and saves no reference from it.`,
          },
        );
      }
      const lesson = `${module.dir}/README.md`;
      // A folder that is already the stub is left as it is, byte for byte.
      const backup = state.isStub ? undefined : await backupModule(root, module, "module start");
      const regions = state.isStub
        ? await listRegions(`${root}/${module.dir}`)
        : await renderDirectory(`${root}/${module.dir}`, { lesson });
      const tasks = [...new Set(regions.map((r) => r.task))].sort((a, b) =>
        a.localeCompare(b, "en", { numeric: true })
      );
      say(bold(`🚀 ${moduleLabel(module)}: ${module.title}`), "");
      if (state.isStub) say("The folder already held the stub: nothing to render.");
      else say(`Rendered ${regions.length} task bodies as stubs (${tasks.join(", ")}).`);
      if (savedReference) {
        say(
          `Saved the reference (${savedReference} files) to ${referencePath(module)}/ ` +
            dim("(tito module reset --solution and --reference-deps read it)"),
        );
      }
      if (work && notReference) {
        warn(
          `Saved no reference: ${notReference}; tito module reset --solution and ` +
            `--reference-deps have no ${module.name} reference to use.`,
        );
      }
      if (backup) say(`Backed up the folder to ${backup}/`);
      say(`The lesson: ${lesson}`, "");
      for (const t of module.tasks) {
        say(`  ${t.id.padEnd(16)} ${t.title} ${dim(`(${t.points} pts)`)}`);
      }
      say("", `💡 Next: ${command(`tito test --module ${module.name}`)}`);
      return 0;
    }));
}
