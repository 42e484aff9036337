import type { ModuleInfo } from "@tinytorch/course";
import { exists, fileStamp, sha256Hex } from "../files.ts";
import { bold, count, dim, type Out } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { moduleLabel, type Project, resolveModule } from "../project.ts";
import { moduleState, stubbedTasks } from "./stub_state.ts";
import { buildSubmission, type SubmissionManifest } from "./submission.ts";
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

/** What `tito submit` wrote. */
export interface SubmitReport {
  /** The module. */
  readonly module: ModuleInfo;
  /** The archive's absolute path. */
  readonly path: string;
  /** The archive as shown: relative to the root when inside the project. */
  readonly shown: string;
  /** The manifest packed in it. */
  readonly manifest: SubmissionManifest;
  /** The archive's size in bytes. */
  readonly bytes: number;
  /** The archive's SHA-256 (hex). */
  readonly sha256: string;
  /** Task regions in the module folder. */
  readonly regions: number;
  /** Regions whose body is still the stub. */
  readonly stubbedRegions: number;
  /** Tasks whose every region is still the stub. */
  readonly stubbedTasks: readonly string[];
  /** The module's completion is recorded in `.tito/progress.json`. */
  readonly complete: boolean;
}

/** Options of {@linkcode submit}. */
export interface SubmitOptions {
  /** Where to write the archive, relative to the learner's folder (`project.cwd`). */
  readonly out?: string;
  /** Replace an existing `out` file. */
  readonly force?: boolean;
  /** The archive's time (default now). */
  readonly now?: Date;
}

/**
 * `tito submit <module> [--out <file>] [--force]`: packs the module's files with a manifest
 * (module, files, SHA-256, time) into a `.zip` for the grader; default
 * `submissions/<module>-<YYYYMMDDTHHMMSS>.zip`. An existing `--out` file is replaced only with
 * `--force`, and its folder must exist; the write is atomic.
 *
 * @param project The project.
 * @param ref The module's number or name.
 * @param options `out`, `force`, `now`.
 * @returns The report.
 * @throws {TitoError} When no module matches, or the archive cannot be written.
 */
export async function submit(
  project: Project,
  ref: string,
  options: SubmitOptions = {},
): Promise<SubmitReport> {
  const module = resolveModule(project, ref);
  const progress = await readProgress(project.root); // a corrupt file stops it before writing
  const now = options.now ?? new Date();
  const path = options.out
    ? resolvePath(project.cwd, options.out)
    : await defaultArchive(project.root, module.name, now);
  const { zip, manifest } = await buildSubmission(project.root, module, now);
  const shown = path.startsWith(`${project.root}/`) ? path.slice(project.root.length + 1) : path;
  if (!options.out) await Deno.mkdir(`${project.root}/submissions`, { recursive: true });
  await writeArchive(path, zip, shown, options.force === true);
  const state = await moduleState(project.root, module, false);
  return {
    module,
    path,
    shown,
    manifest,
    bytes: zip.length,
    sha256: await sha256Hex(zip),
    regions: state.regions,
    stubbedRegions: state.stubbedRegions,
    stubbedTasks: await stubbedTasks(project.root, module),
    complete: progress.modules[module.name] !== undefined,
  };
}

/**
 * Prints `tito submit`: the archive, its size and hash, and warnings for stubs and an
 * unrecorded completion.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printSubmit(report: SubmitReport, out: Out): void {
  out.say(bold(`📦 ${moduleLabel(report.module)} packed: ${report.shown}`));
  out.say(
    `   ${report.manifest.files.length} files, ${count(report.bytes)} bytes, sha256 ${
      report.sha256.slice(0, 16)
    }…`,
  );
  if (report.stubbedRegions) {
    const named = report.stubbedTasks.length ? ` (${report.stubbedTasks.join(", ")})` : "";
    out.warn(
      `${report.stubbedRegions} of ${report.regions} task bodies are still stubs${named}.`,
    );
  }
  if (!report.complete) {
    const name = report.module.name;
    out.say(
      dim(`   Not recorded as complete yet: tito module complete ${name} runs the cases.`),
    );
  }
}
