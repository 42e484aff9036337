import {
  type Case,
  type CaseSet,
  findModule,
  type ModuleInfo,
  MODULES,
  withPrerequisites,
} from "@tinytorch/course";
import { toFileUrl } from "./paths.ts";

/** One case the grader runs. */
export interface CaseEntry {
  /** `visible:<task> <name>` or `hidden:<task> <name>`, as the harness announces it. */
  readonly id: string;
  /** The task id. */
  readonly task: string;
  /** The case name. */
  readonly name: string;
  /** Whether it is a hidden case (from `grader/hidden/<module>/`). */
  readonly hidden: boolean;
  /** The case itself, imported from the trusted tree. */
  readonly case: Case<unknown>;
}

/** Every case of a module, visible then hidden, with what the harness needs to run them. */
export interface Catalog {
  /** The module. */
  readonly module: ModuleInfo;
  /** The cases in harness order. */
  readonly entries: readonly CaseEntry[];
  /** `modules/<m>/cases/mod.ts`, relative to the repository. */
  readonly visibleFile: string;
  /** Hidden case files relative to the repository, sorted. */
  readonly hiddenFiles: readonly string[];
  /** The module's package and its prerequisites' (the sandbox's workspace), prerequisites first. */
  readonly packages: readonly string[];
  /**
   * The specifiers the harness merges into the cases' API, in order: each package of `packages`,
   * followed by its `./tasks` export when its `deno.json` declares one (the task functions that
   * are not public API, e.g. `@tinytorch/quantization/tasks`).
   */
  readonly api: readonly string[];
}

/**
 * Where a module's hidden cases live: `grader/hidden/<module>/`. Files whose name starts with `_`
 * are helpers, not case files.
 *
 * @param module The module name.
 * @returns The folder relative to the repository.
 */
export function hiddenDir(module: string): string {
  return `grader/hidden/${module}`;
}

/**
 * Whether a module's package declares the `./tasks` export (read from the trusted tree: a
 * submission cannot change a `deno.json`).
 */
async function hasTasksExport(root: string, module: ModuleInfo): Promise<boolean> {
  try {
    const config = JSON.parse(await Deno.readTextFile(`${root}/${module.dir}/deno.json`));
    return typeof config.exports === "object" && config.exports !== null &&
      "./tasks" in config.exports;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function hiddenFiles(root: string, module: string): Promise<string[]> {
  const dir = hiddenDir(module);
  const files: string[] = [];
  try {
    for await (const e of Deno.readDir(`${root}/${dir}`)) {
      if (e.isFile && e.name.endsWith(".ts") && !e.name.startsWith("_")) {
        files.push(`${dir}/${e.name}`);
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return files.sort();
}

function entriesOf(sets: readonly CaseSet<unknown>[], hidden: boolean): CaseEntry[] {
  return sets.flatMap((set) =>
    Object.entries(set.cases).map(([name, c]) => ({
      id: `${hidden ? "hidden" : "visible"}:${set.task} ${name}`,
      task: set.task,
      name,
      hidden,
      case: c,
    }))
  );
}

/**
 * Loads a module's visible and hidden cases from a trusted tree (the grader's repository), in the
 * order the harness runs them.
 *
 * @param root The trusted repository.
 * @param moduleRef A module name or number.
 * @param modules The course registry.
 * @returns The catalog.
 * @throws {RangeError} For a case whose task is not in the module.
 */
export async function loadCatalog(
  root: string,
  moduleRef: string,
  modules: readonly ModuleInfo[] = MODULES,
): Promise<Catalog> {
  const module = findModule(moduleRef, modules);
  const visibleFile = `${module.dir}/cases/mod.ts`;
  const visible = await import(toFileUrl(`${root}/${visibleFile}`));
  const entries = entriesOf(visible.cases, false);
  const hidden = await hiddenFiles(root, module.name);
  for (const file of hidden) {
    const exported = (await import(toFileUrl(`${root}/${file}`))).default;
    entries.push(...entriesOf(Array.isArray(exported) ? exported : [exported], true));
  }
  for (const e of entries) {
    if (!module.tasks.some((t) => t.id === e.task)) {
      throw new RangeError(`Cannot grade case "${e.id}": task ${e.task} is not in ${module.name}`);
    }
  }
  const members = withPrerequisites(module.name, modules).map((n) => findModule(n, modules));
  const packages = members.map((m) => m.package);
  const api: string[] = [];
  for (const m of members) {
    api.push(m.package);
    if (await hasTasksExport(root, m)) api.push(`${m.package}/tasks`);
  }
  return { module, entries, visibleFile, hiddenFiles: hidden, packages, api };
}
