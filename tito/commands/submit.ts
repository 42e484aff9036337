import { Command } from "commander";
import { action } from "../command_action.ts";
import { fileStamp, sha256Hex } from "../files.ts";
import { bold, count, dim, say, warn } from "../output.ts";
import { readProgress } from "../progress_store.ts";
import { moduleLabel, openProject, resolveModule } from "../project.ts";
import { moduleState } from "../stub_state.ts";
import { buildSubmission } from "../submission.ts";

function resolvePath(cwd: string, path: string): string {
  return path.startsWith("/") ? path : `${cwd}/${path}`;
}

/**
 * `tito submit <module> [--out <file>]`: packs the module's files with a manifest (module,
 * files, SHA-256, time) into a `.zip` for the grader; default
 * `submissions/<module>-<YYYYMMDDTHHMMSS>.zip`.
 *
 * @returns The command.
 */
export function submitCommand(): Command {
  return new Command("submit")
    .description("pack a module's files and a manifest into a .zip for your instructor")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("-o, --out <file>", "where to write the archive")
    .action(action(async (ref: string, options: { out?: string }) => {
      const project = await openProject();
      const module = resolveModule(project, ref);
      const now = new Date();
      const out = options.out
        ? resolvePath(project.cwd, options.out)
        : `${project.root}/submissions/${module.name}-${fileStamp(now)}.zip`;
      const { zip, manifest } = await buildSubmission(project.root, module, now);
      await Deno.mkdir(out.slice(0, out.lastIndexOf("/")) || "/", { recursive: true });
      await Deno.writeFile(out, zip);
      const shown = out.startsWith(`${project.root}/`) ? out.slice(project.root.length + 1) : out;
      say(bold(`📦 ${moduleLabel(module)} packed: ${shown}`));
      say(
        `   ${manifest.files.length} files, ${count(zip.length)} bytes, sha256 ${
          (await sha256Hex(zip)).slice(0, 16)
        }…`,
      );
      const state = await moduleState(project.root, module, false);
      if (state.stubbedRegions) {
        warn(`${state.stubbedRegions} of ${state.regions} task bodies are still stubs.`);
      }
      const progress = await readProgress(project.root);
      if (!progress.modules[module.name]) {
        say(
          dim(
            `   Not recorded as complete yet: tito module complete ${module.name} runs the cases.`,
          ),
        );
      }
      return 0;
    }));
}
