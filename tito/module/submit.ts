import { Command } from "commander";
import { action } from "../command_action.ts";
import { exists, fileStamp, sha256Hex } from "../files.ts";
import { bold, count, dim, say, warn } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, openProject, resolveModule } from "../project.ts";
import { moduleState, stubbedTasks } from "./stub_state.ts";
import { buildSubmission } from "./submission.ts";
import { TitoError } from "../tito_error.ts";

function resolvePath(cwd: string, path: string): string {
  return path.startsWith("/") ? path : `${cwd}/${path}`;
}

/** `submissions/<module>-<time>.zip`, with `-2`, `-3`… when one of that second exists. */
async function defaultArchive(root: string, name: string, now: Date): Promise<string> {
  const base = `${root}/submissions/${name}-${fileStamp(now)}`;
  let path = `${base}.zip`;
  for (let i = 2; await exists(path); i++) path = `${base}-${i}.zip`;
  return path;
}

/**
 * Writes the archive atomically (a temporary file beside it, then a rename). An explicit `--out`
 * must name a file in an existing folder, and an existing file is replaced only with `--force`.
 */
async function writeArchive(out: string, zip: Uint8Array, shown: string, force: boolean) {
  const folder = out.slice(0, out.lastIndexOf("/")) || "/";
  const stat = await Deno.stat(out).catch(() => null);
  if (stat?.isDirectory) throw new TitoError(`Cannot write ${shown}: it is a folder`);
  if (stat && !force) {
    throw new TitoError(`Cannot write ${shown}: the file already exists. Nothing was written`, {
      hint: "Choose another --out, or add --force to replace it.",
    });
  }
  if (!(await exists(folder))) {
    throw new TitoError(`Cannot write ${shown}: the folder ${folder} does not exist`, {
      hint: `Create it first (mkdir -p ${folder}), or choose another --out.`,
    });
  }
  const temp = `${out}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeFile(temp, zip);
    await Deno.rename(temp, out);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/**
 * `tito submit <module> [--out <file>] [--force]`: packs the module's files with a manifest
 * (module, files, SHA-256, time) into a `.zip` for the grader; default
 * `submissions/<module>-<YYYYMMDDTHHMMSS>.zip`. An existing `--out` file is replaced only with
 * `--force`, and its folder must exist; the write is atomic.
 *
 * @returns The command.
 */
export function submitCommand(): Command {
  return new Command("submit")
    .description("pack a module's files and a manifest into a .zip for your instructor")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("-o, --out <file>", "where to write the archive (in an existing folder)")
    .option("--force", "replace the --out file if it exists")
    .action(action(async (ref: string, options: { out?: string; force?: boolean }) => {
      const project = await openProject();
      const module = resolveModule(project, ref);
      const now = new Date();
      const out = options.out
        ? resolvePath(project.cwd, options.out)
        : await defaultArchive(project.root, module.name, now);
      const { zip, manifest } = await buildSubmission(project.root, module, now);
      const shown = out.startsWith(`${project.root}/`) ? out.slice(project.root.length + 1) : out;
      if (!options.out) await Deno.mkdir(`${project.root}/submissions`, { recursive: true });
      await writeArchive(out, zip, shown, options.force === true);
      say(bold(`📦 ${moduleLabel(module)} packed: ${shown}`));
      say(
        `   ${manifest.files.length} files, ${count(zip.length)} bytes, sha256 ${
          (await sha256Hex(zip)).slice(0, 16)
        }…`,
      );
      const state = await moduleState(project.root, module, false);
      const stubs = await stubbedTasks(project.root, module);
      if (state.stubbedRegions) {
        const named = stubs.length ? ` (${stubs.join(", ")})` : "";
        warn(`${state.stubbedRegions} of ${state.regions} task bodies are still stubs${named}.`);
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
