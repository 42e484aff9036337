/**
 * A tiny course for the grader's tests: one module `demo` with three tasks, visible and hidden
 * cases (the files of `testdata/demo_course/`), with the real `@tinytorch/course` package, the
 * root `deno.json`'s imports and `deno.lock`, in a temporary folder.
 *
 * @module
 */
import type { ModuleInfo } from "@tinytorch/course";
import { copyFixture, copyTree, readTree } from "@tinytorch/tito/files";
import { fromFileUrl, repositoryRoot } from "./paths.ts";

const COURSE = fromFileUrl(new URL("./testdata/demo_course", import.meta.url).href);
const HIDDEN_FILE = "grader/hidden/demo/hidden.ts";

/** The fixture's only module. */
export const DEMO: ModuleInfo = {
  name: "demo",
  numbers: [99],
  package: "@tinytorch/demo",
  dir: "modules/demo",
  title: "Demo: three small tasks",
  prerequisites: [],
  tasks: [
    { id: "demo.1", title: "Add", points: 10 },
    { id: "demo.2", title: "Scale", points: 20 },
    { id: "demo.3", title: "Total", points: 10 },
  ],
};

/** The fixture's registry. */
export const DEMO_MODULES: readonly ModuleInfo[] = [DEMO];

async function moduleSources(): Promise<Record<string, string>> {
  const text = new TextDecoder();
  const files = [...await readTree(`${COURSE}/${DEMO.dir}`)]
    .filter(([path]) => !path.startsWith("cases/") && path !== "deno.json");
  return Object.fromEntries(files.map(([path, bytes]) => [path, text.decode(bytes)]));
}

/**
 * The reference sources of the demo module (what a student submits: every file of
 * `testdata/demo_course/modules/demo/` but its cases and `deno.json`), by path relative to its
 * folder.
 */
export const DEMO_SOURCES: Readonly<Record<string, string>> = await moduleSources();

/**
 * Copies the fixture course to a new temporary folder, with the repository's course package and
 * lockfile, and its `deno.json` given the repository's imports.
 *
 * @param hidden The hidden case file's text; default the fixture's two hidden cases (demo.1,
 * demo.2).
 * @returns The folder (remove it when done).
 */
export async function fixtureCourse(hidden?: string): Promise<string> {
  const repo = repositoryRoot();
  const root = await copyFixture(COURSE, "tinytorch-fixture-");
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  const { imports } = JSON.parse(await Deno.readTextFile(`${repo}/deno.json`));
  await Deno.writeTextFile(`${root}/deno.json`, JSON.stringify({ ...config, imports }, null, 2));
  await Deno.copyFile(`${repo}/deno.lock`, `${root}/deno.lock`);
  await copyTree(`${repo}/modules/course`, `${root}/modules/course`);
  if (hidden !== undefined) await Deno.writeTextFile(`${root}/${HIDDEN_FILE}`, hidden);
  return root;
}

/**
 * A submission of the demo module: the reference sources with some files replaced.
 *
 * @param changes Files to replace or add, by path relative to the module folder.
 * @returns The files as the intake would deliver them.
 */
export function demoSubmission(changes: Record<string, string> = {}): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map(
    Object.entries({ ...DEMO_SOURCES, ...changes }).map(([p, t]) => [p, encoder.encode(t)]),
  );
}

/**
 * The source of one demo task's file with a different body.
 *
 * @param task `demo.1`, `demo.2` or `demo.3`.
 * @param body The new body.
 * @returns `[path, source]`.
 */
export function demoTask(task: "demo.1" | "demo.2" | "demo.3", body: string): [string, string] {
  const path = { "demo.1": "add.ts", "demo.2": "scale.ts", "demo.3": "total.ts" }[task];
  const source = DEMO_SOURCES[path];
  return [
    path,
    source.replace(/(#region solution \S+\n)[\s\S]*?(\n\s*\/\/ #endregion)/, `$1  ${body}$2`),
  ];
}
