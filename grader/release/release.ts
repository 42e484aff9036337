import { gitFiles } from "./git_files.ts";
import {
  findRegions,
  listRegions,
  type ModuleInfo,
  MODULES,
  renderDirectory,
} from "@tinytorch/course";
import { fromFileUrl, isWithin } from "../paths.ts";
import { forbiddenFiles, walk } from "./release_guard.ts";
import { allowStubLintHeaders } from "../check/stub_check.ts";

/** Options of {@linkcode release}. */
export interface ReleaseOptions {
  /** The instructor's repository. */
  readonly root: string;
  /** Where to write the student repository (absent or empty). */
  readonly out: string;
  /** Modules whose reference goes to `.tito/reference/<name>/`. */
  readonly solutions?: readonly string[];
  /** The course registry. */
  readonly modules?: readonly ModuleInfo[];
}

/** What {@linkcode release} wrote. */
export interface ReleaseReport {
  /** Files written. */
  readonly files: number;
  /** Task regions rendered as stubs. */
  readonly regions: number;
}

/** Paths (or folder prefixes) of the instructor's repository that never go to students. */
export const INSTRUCTOR_ONLY: readonly string[] = [
  "grader/",
  ".ci/",
  ".maintainer/",
  "docs/instructor_guide.md",
  "docs/adding_a_module.md",
];

/**
 * The file at the root of every student release: `tito doctor` tells a release (safe to share)
 * from a course repository (which holds the hidden cases and must stay private).
 */
export const RELEASE_MARKER = "tinytorch-release.json";

/** Tasks of the root `deno.json` that students keep (`bench:*` too); the rest are instructor's. */
export const STUDENT_TASKS: readonly string[] = ["test", "ok", "doc:lint", "tito"];

async function ensureEmpty(out: string): Promise<void> {
  try {
    for await (const _ of Deno.readDir(out)) {
      throw new RangeError(`Cannot release into ${out}: it is not empty`);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  await Deno.mkdir(out, { recursive: true });
}

async function copy(from: string, to: string): Promise<void> {
  await Deno.mkdir(to.slice(0, to.lastIndexOf("/")), { recursive: true });
  try {
    await Deno.copyFile(from, to);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

/**
 * The student `deno.json`: the grader leaves the workspace, only student tasks stay (`doc:lint`
 * without the grader), and the lint config accepts the stubs' lint headers.
 *
 * @param config The instructor's root config.
 * @returns The student's config.
 */
export function studentConfig(config: Record<string, unknown>): Record<string, unknown> {
  const tasks = (config.tasks ?? {}) as Record<string, string>;
  const kept = Object.fromEntries(
    Object.entries(tasks)
      .filter(([name]) => STUDENT_TASKS.includes(name) || name.startsWith("bench:"))
      .map(([name, command]) => [name, command.replace(/\s+grader\/\S+/g, "")]),
  );
  const workspace = ((config.workspace ?? []) as string[]).filter((w) =>
    !/^(\.\/)?grader\b/.test(w)
  );
  const exclude = ((config.exclude ?? []) as string[]).filter((e) => !e.startsWith("grader/"));
  return { ...config, workspace, tasks: kept, exclude };
}

async function writeConfigAndDocs(root: string, out: string): Promise<void> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  await Deno.writeTextFile(
    `${out}/deno.json`,
    JSON.stringify(studentConfig(config), null, 2) + "\n",
  );
  await allowStubLintHeaders(out);
  const readme = fromFileUrl(new URL("./student_readme.md", import.meta.url).href);
  await Deno.copyFile(readme, `${out}/README.md`);
  let ignore = "";
  try {
    ignore = await Deno.readTextFile(`${root}/.gitignore`);
  } catch {
    // none yet
  }
  if (!ignore.split("\n").includes(".tito/")) {
    ignore += `${ignore && !ignore.endsWith("\n") ? "\n" : ""}.tito/\n`;
  }
  await Deno.writeTextFile(`${out}/.gitignore`, ignore);
}

/**
 * Writes a student repository: the instructor's tracked files without the grader, CI and
 * instructor docs; every task region rendered as a stub; a student README and `deno.json`;
 * `.tito/` git-ignored; no git history. For `solutions`, the module's reference files go to
 * `.tito/reference/<name>/` (same relative paths). Finally every file is searched for every
 * region's reference text, archives, binaries outside the allowed list (see
 * {@linkcode forbiddenFiles}) and hidden case names, and the release is refused if any is found.
 *
 * @param options Source, destination, solution modules.
 * @returns What was written.
 * @throws {Error} If reference text is found where it must not be.
 * @throws {RangeError} If `out` is inside the repository, or not empty.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseReport> {
  const { root, out } = options;
  if (await isWithin(out, root)) {
    throw new RangeError(
      `Cannot release into ${out}: it is inside the instructor's repository ${root} (the ` +
        `student repository would sit next to the solutions); choose a folder outside it`,
    );
  }
  const modules = options.modules ?? MODULES;
  await ensureEmpty(out);
  const tracked = await gitFiles(root);
  const shipped = tracked.filter((f) =>
    !INSTRUCTOR_ONLY.some((p) => f === p || f.startsWith(p)) &&
    !["README.md", "deno.json", ".gitignore"].includes(f)
  );
  for (const f of shipped) await copy(`${root}/${f}`, `${out}/${f}`);
  let regions = 0;
  for (const m of modules) {
    regions += (await renderDirectory(`${out}/${m.dir}`, { lesson: `${m.dir}/README.md` })).length;
  }
  await writeConfigAndDocs(root, out);
  await Deno.writeTextFile(
    `${out}/${RELEASE_MARKER}`,
    JSON.stringify({ format: "tinytorch-release/1", solutions: options.solutions ?? [] }, null, 2) +
      "\n",
  );
  for (const name of options.solutions ?? []) {
    const m = modules.find((x) => x.name === name);
    if (!m) throw new RangeError(`Cannot ship the solution of "${name}": no such module`);
    for (const f of tracked.filter((t) => t.startsWith(`${m.dir}/`))) {
      await copy(`${root}/${f}`, `${out}/.tito/reference/${name}/${f.slice(m.dir.length + 1)}`);
    }
  }
  const leaks = [
    ...await findReferenceText(root, out, modules, options.solutions ?? []),
    ...await forbiddenFiles(root, out, modules),
  ];
  if (leaks.length > 0) {
    await Deno.remove(out, { recursive: true });
    throw new Error(
      `Cannot release: it would hold what students must not see (nothing was left in ${out}; ` +
        `remove these from the repository and release again):\n${leaks.join("\n")}`,
    );
  }
  let files = 0;
  for await (const _ of walk(out)) files++;
  return { files, regions };
}

function normalize(text: string): string {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "").join("\n");
}

async function regionBodies(root: string, modules: readonly ModuleInfo[]) {
  const bodies: { task: string; where: string; text: string }[] = [];
  for (const m of modules) {
    for (const file of new Set((await listRegions(`${root}/${m.dir}`)).map((r) => r.file))) {
      const lines = (await Deno.readTextFile(`${root}/${m.dir}/${file}`)).split("\n");
      for (const r of findRegions(lines.join("\n"))) {
        const text = normalize(lines.slice(r.start, r.end - 1).join("\n"));
        if (text !== "") bodies.push({ task: r.task, where: `${m.dir}/${file}:${r.start}`, text });
      }
    }
  }
  return bodies;
}

/**
 * Searches every file of a release for the body of every solution region of the reference
 * (whitespace-normalized), except the `.tito/reference/<name>/` copies of `solutions`.
 *
 * @param root The instructor's repository.
 * @param out The release.
 * @param modules The course.
 * @param solutions Modules whose reference the release may hold in `.tito/reference/`.
 * @returns One line per file and region found.
 */
export async function findReferenceText(
  root: string,
  out: string,
  modules: readonly ModuleInfo[] = MODULES,
  solutions: readonly string[] = [],
): Promise<string[]> {
  const bodies = await regionBodies(root, modules);
  const allowed = solutions.map((s) => `.tito/reference/${s}/`);
  const found: string[] = [];
  for await (const rel of walk(out)) {
    if (allowed.some((a) => rel.startsWith(a))) continue;
    let text: string;
    try {
      text = normalize(await Deno.readTextFile(`${out}/${rel}`));
    } catch {
      continue;
    }
    for (const b of bodies) {
      if (text.includes(b.text)) found.push(`${rel} holds the solution of ${b.task} (${b.where})`);
    }
  }
  return found;
}
