import { Command } from "commander";
import { renderDirectory } from "@tinytorch/course";
import { backupModule } from "./backup.ts";
import { action } from "../command_action.ts";
import { replaceTree } from "../files.ts";
import { bold, command, say, warn } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, openProject, resolveModule } from "../project.ts";
import { hasReference, missingReferenceHint, referencePath } from "../reference/references.ts";
import { TitoError } from "../tito_error.ts";

/**
 * `tito module reset <module> [--solution]`: restores the stub (rendered from the reference copy
 * when there is one), or with `--solution` the reference itself. Always backs up the folder.
 *
 * @returns The command.
 */
export function moduleResetCommand(): Command {
  return new Command("reset")
    .description("restore a module's stub, or its reference solution (backs up the folder first)")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("--solution", "restore the reference solution from .tito/reference/<module>/")
    .action(action(async (ref: string, options: { solution?: boolean }) => {
      const project = await openProject();
      const module = resolveModule(project, ref);
      const { root } = project;
      const progress = await readProgress(root);
      const reference = await hasReference(root, module);
      if (options.solution && !reference) {
        throw new TitoError(
          `Cannot reset ${moduleLabel(module)} to its solution: no reference copy is available`,
          { hint: missingReferenceHint(module) },
        );
      }
      const reason = options.solution ? "module reset --solution" : "module reset";
      const backup = await backupModule(root, module, reason);
      const dir = `${root}/${module.dir}`;
      if (reference) await replaceTree(`${root}/${referencePath(module)}`, dir);
      say(bold(`↩️  ${moduleLabel(module)}: ${module.title}`), "");
      if (options.solution) {
        say(`Restored the reference solution from ${referencePath(module)}/.`);
      } else {
        const regions = await renderDirectory(dir, { lesson: `${module.dir}/README.md` });
        if (!reference) {
          warn(
            `${missingReferenceHint(module)} So tito rendered your current files' task ` +
              `bodies as stubs; your changes outside task bodies stay.`,
          );
        }
        say(`Restored the stub: ${regions.length} task bodies throw NotImplementedError again.`);
      }
      say(`Backed up what was there to ${backup}/`);
      const done = progress.modules[module.name];
      if (done) {
        say(
          `Your completion (${done.completedAt.slice(0, 10)}) stays recorded; ` +
            `tito module complete ${module.name} checks the code again.`,
        );
      }
      say("", `💡 Next: ${command(`tito test --module ${module.name}`)}`);
      return 0;
    }));
}
