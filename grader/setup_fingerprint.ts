import type { Observation } from "@tinytorch/course";
import { type Catalog, hiddenDir } from "./catalog.ts";
import type { Limits } from "./sandbox/limits.ts";

/** What decides a submission's verdicts besides the submission itself. */
export interface GradingSetup {
  /** The trusted repository. */
  readonly root: string;
  /** The module's cases. */
  readonly catalog: Catalog;
  /** The expected observation of each case, in catalog order. */
  readonly wants: readonly Observation[];
  /** Limits per submission. */
  readonly limits: Limits;
  /** npm packages submissions may import. */
  readonly allow: readonly string[];
  /** Whether submissions are type-checked. */
  readonly typeCheck: boolean;
  /** Absolute paths of the grader files the child runs (harness and its wiring). */
  readonly childFiles: readonly string[];
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function sha256(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

async function tsFiles(dir: string, prefix: string, out: string[]): Promise<string[]> {
  let found: Deno.DirEntry[];
  try {
    found = await Array.fromAsync(Deno.readDir(dir));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return out;
    throw error;
  }
  for (const e of found) {
    if (e.isDirectory) await tsFiles(`${dir}/${e.name}`, `${prefix}/${e.name}`, out);
    else if (e.isFile && e.name.endsWith(".ts")) out.push(`${prefix}/${e.name}`);
  }
  return out;
}

async function fileHashes(setup: GradingSetup): Promise<string[]> {
  const { root, catalog } = setup;
  const trees = [`${catalog.module.dir}/cases`, hiddenDir(catalog.module.name), "modules/course"];
  const files = (await Promise.all(trees.map((t) => tsFiles(`${root}/${t}`, t, []))))
    .flat().map((rel) => [rel, `${root}/${rel}`]);
  files.push(...setup.childFiles.map((path) => [`child:${path.replace(/^.*\//, "")}`, path]));
  files.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return await Promise.all(
    files.map(async ([name, path]) => `${name} ${await sha256(await Deno.readFile(path))}`),
  );
}

/**
 * A SHA-256 of the grading setup: the module's tasks and points, every case id (visible and
 * hidden) with its comparison and expected observation, the limits, the npm allowlist, the
 * type-check switch, and the contents of the case files, the hidden case files, the course
 * package and the harness. A stored result is reused only when this matches, so changing a case,
 * an expectation, a limit or the harness re-grades everyone.
 *
 * @param setup What grading depends on.
 * @returns The hex digest.
 */
export async function setupFingerprint(setup: GradingSetup): Promise<string> {
  const { catalog } = setup;
  const description = {
    module: catalog.module,
    packages: catalog.packages,
    api: catalog.api,
    cases: catalog.entries.map((e, i) => ({
      id: e.id,
      compare: e.case.compare?.kind ?? "exact",
      want: setup.wants[i],
    })),
    limits: setup.limits,
    allow: setup.allow,
    typeCheck: setup.typeCheck,
    files: await fileHashes(setup),
  };
  return await sha256(JSON.stringify(description));
}
