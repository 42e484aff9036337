import { findRegions, type ModuleInfo, renderStub } from "@tinytorch/course";
import { type Catalog, hiddenDir } from "../catalog.ts";
import { type CaseKind, WORKER_ENTRY_PATH, workerEntrySource } from "./entry_source.ts";
import { NPM_ALLOWLIST } from "./limits.ts";
import { fromFileUrl, isSafeRelativePath } from "../paths.ts";
import { sandboxConfig } from "./sandbox_config.ts";

/** The grader files the child runs, copied into the sandbox's `_grader/` beside the entry. */
const CHILD_FILES: readonly string[] = [
  "harness.ts",
  "harness_worker.ts",
  "lockdown.ts",
  "protocol.ts",
  "take_cases.ts",
];

/**
 * The grader files a sandboxed child runs (part of the grading setup's fingerprint).
 *
 * @returns Their absolute paths.
 */
export function childFiles(): string[] {
  return CHILD_FILES.map((f) => fromFileUrl(new URL(`./${f}`, import.meta.url).href));
}

/** What a sandbox's graded module is built from. */
export type SandboxBase = "reference" | "stub";

/** Options of {@linkcode createSandbox}. */
export interface SandboxOptions {
  /** The trusted repository the sandbox is copied from. */
  readonly root: string;
  /** The graded module's cases, packages and hidden files. */
  readonly catalog: Catalog;
  /** The graded module before the submission's files are laid over it. */
  readonly base: SandboxBase;
  /** The submission's sources, by path relative to the module folder. */
  readonly files?: ReadonlyMap<string, Uint8Array>;
  /** npm packages the child may load (the lockfile holds only these); default the allowlist. */
  readonly allow?: readonly string[];
}

/** A sandbox on disk. */
export interface Sandbox {
  /** Its root (a real path, no symlinks). */
  readonly dir: string;
  /** The submitted files, relative to the root. */
  readonly submitted: readonly string[];
}

/**
 * Whether a path inside a module folder may come from a submission: a `.ts` source, but not a
 * case file, a test or a benchmark (those come from the reference or are not needed).
 *
 * @param path Relative to the module folder.
 * @returns `true` for a gradable source.
 */
export function isSubmittable(path: string): boolean {
  return isSafeRelativePath(path) && path.endsWith(".ts") && !path.startsWith("cases/") &&
    !path.endsWith("_test.ts") && !path.endsWith("_bench.ts");
}

async function* walk(dir: string, prefix = ""): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    if (e.name.startsWith(".")) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) yield* walk(`${dir}/${e.name}`, rel);
    else if (e.isFile) yield rel;
  }
}

async function copyTree(from: string, to: string, skip: (rel: string) => boolean) {
  for await (const rel of walk(from)) {
    if (skip(rel)) continue;
    await Deno.mkdir(`${to}/${rel}`.replace(/\/[^/]*$/, ""), { recursive: true });
    await Deno.copyFile(`${from}/${rel}`, `${to}/${rel}`);
  }
}

interface Member {
  readonly path: string;
  readonly name: string;
}

async function workspaceMembers(root: string, config: { workspace?: string[] }) {
  const members: Member[] = [];
  for (const path of config.workspace ?? []) {
    const dir = path.replace(/^\.\//, "");
    const member = JSON.parse(await Deno.readTextFile(`${root}/${dir}/deno.json`));
    members.push({ path: dir, name: member.name });
  }
  return members;
}

const notNeeded = (rel: string) => rel.endsWith("_test.ts") || rel.endsWith("_bench.ts");

async function writeConfig(
  root: string,
  dir: string,
  catalog: Catalog,
  allow: readonly string[],
): Promise<Member[]> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  const wanted = new Set(["@tinytorch/course", ...catalog.packages]);
  const members = (await workspaceMembers(root, config)).filter((m) => wanted.has(m.name));
  const lock = JSON.parse(await Deno.readTextFile(`${root}/deno.lock`));
  const written = sandboxConfig(config, lock, members.map((m) => `./${m.path}`), allow);
  await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify(written.config, null, 2) + "\n");
  await Deno.writeTextFile(`${dir}/deno.lock`, JSON.stringify(written.lock, null, 2) + "\n");
  return members;
}

async function renderStubs(moduleDir: string, module: ModuleInfo): Promise<void> {
  for await (const rel of walk(moduleDir)) {
    if (!rel.endsWith(".ts")) continue;
    const source = await Deno.readTextFile(`${moduleDir}/${rel}`);
    if (findRegions(source).length === 0) continue;
    await Deno.writeTextFile(
      `${moduleDir}/${rel}`,
      renderStub(source, { lesson: `${module.dir}/README.md` }),
    );
  }
}

const live = new Set<string>();

/**
 * Builds a sandbox: a fresh folder holding the trimmed workspace config (the npm allowlist only,
 * Node's inspection modules refused), its lockfile, the course package, the graded module's
 * prerequisites (reference code), the graded module (reference or rendered stub, with the
 * submission's sources laid over it), the harness and the worker's entry for the visible cases
 * ({@linkcode WORKER_ENTRY_PATH}). The hidden case files are not there: {@linkcode useCases}
 * brings them for the hidden children. Nothing else of the repository is there, and nothing in
 * it is a link. A sandbox that fails half-built is removed.
 *
 * @param options What to build.
 * @returns The sandbox; remove it with {@linkcode removeSandbox}.
 * @throws {RangeError} For a submitted path that is not a gradable source.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-sandbox-" }));
  live.add(dir);
  try {
    return await fill(dir, options);
  } catch (error) {
    await removeSandbox({ dir, submitted: [] });
    throw error;
  }
}

async function fill(dir: string, options: SandboxOptions): Promise<Sandbox> {
  const { root, catalog } = options;
  const module = catalog.module;
  for (const m of await writeConfig(root, dir, catalog, options.allow ?? NPM_ALLOWLIST)) {
    await copyTree(`${root}/${m.path}`, `${dir}/${m.path}`, notNeeded);
  }
  const moduleDir = `${dir}/${module.dir}`;
  if (options.base === "stub") await renderStubs(moduleDir, module);
  const submitted: string[] = [];
  for (const [rel, data] of options.files ?? []) {
    if (!isSubmittable(rel)) throw new RangeError(`Cannot take "${rel}" from a submission`);
    await Deno.mkdir(`${moduleDir}/${rel}`.replace(/\/[^/]*$/, ""), { recursive: true });
    await Deno.writeFile(`${moduleDir}/${rel}`, data);
    submitted.push(`${module.dir}/${rel}`);
  }
  await Deno.mkdir(`${dir}/_grader`);
  for (const path of childFiles()) {
    await Deno.copyFile(path, `${dir}/_grader/${path.slice(path.lastIndexOf("/") + 1)}`);
  }
  const sandbox = { dir, submitted };
  await useCases(root, sandbox, catalog, "visible");
  return sandbox;
}

/**
 * Points the sandbox's worker entry at one kind of cases. For the hidden ones it first copies
 * the hidden case files in; the visible children have all ended by then.
 *
 * @param root The trusted repository.
 * @param sandbox The sandbox.
 * @param catalog The module's case files.
 * @param kind Which cases the next children run.
 */
export async function useCases(
  root: string,
  sandbox: Sandbox,
  catalog: Catalog,
  kind: CaseKind,
): Promise<void> {
  if (kind === "hidden" && catalog.hiddenFiles.length > 0) {
    const hidden = hiddenDir(catalog.module.name);
    await copyTree(`${root}/${hidden}`, `${sandbox.dir}/${hidden}`, (rel) => !rel.endsWith(".ts"));
  }
  await Deno.writeTextFile(`${sandbox.dir}/${WORKER_ENTRY_PATH}`, workerEntrySource(catalog, kind));
}

/**
 * Deletes a sandbox.
 *
 * @param sandbox The sandbox.
 */
export async function removeSandbox(sandbox: Sandbox): Promise<void> {
  await Deno.remove(sandbox.dir, { recursive: true }).catch(() => {});
  live.delete(sandbox.dir);
}

/**
 * Deletes every sandbox this process created and has not removed yet, synchronously: for a
 * signal handler or an exit path that cannot wait for the `finally` blocks of running grades.
 *
 * @returns How many were removed.
 */
export function removeLiveSandboxes(): number {
  let n = 0;
  for (const dir of live) {
    try {
      Deno.removeSync(dir, { recursive: true });
      n++;
    } catch {
      // already gone
    }
    live.delete(dir);
  }
  return n;
}

/**
 * The module's entry points: its package exports (`deno.json` `exports`), relative to the
 * repository.
 *
 * @param root The repository (or a sandbox).
 * @param module The module.
 * @returns e.g. `["modules/quantization/mod.ts", "modules/quantization/kernels/mod.ts"]`.
 */
export async function entryPoints(root: string, module: ModuleInfo): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/${module.dir}/deno.json`));
  const exports: string[] = typeof config.exports === "string"
    ? [config.exports]
    : Object.values(config.exports ?? { ".": "./mod.ts" });
  return exports.map((e) => `${module.dir}/${e.replace(/^\.\//, "")}`);
}

/**
 * Puts a file of the graded module back as the sandbox's base had it (reference, or rendered
 * stub), or deletes it when the reference has no such file. Used for submitted files the module
 * never imports, so they cannot matter.
 *
 * @param root The trusted repository.
 * @param sandbox The sandbox.
 * @param path Relative to the repository.
 * @param base The sandbox's base.
 * @returns Whether the submitted file differed from the reference's.
 */
export async function restoreBase(
  root: string,
  sandbox: Sandbox,
  path: string,
  base: SandboxBase,
): Promise<boolean> {
  const submitted = await Deno.readTextFile(`${sandbox.dir}/${path}`);
  let source: string;
  try {
    source = await Deno.readTextFile(`${root}/${path}`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    await Deno.remove(`${sandbox.dir}/${path}`);
    return true;
  }
  const stubbed = base === "stub" && findRegions(source).length > 0;
  await Deno.writeTextFile(`${sandbox.dir}/${path}`, stubbed ? renderStub(source) : source);
  return submitted !== source && (!stubbed || submitted !== renderStub(source));
}
