import { findModule, type MilestoneInfo, type ModuleInfo } from "@tinytorch/course";
import { pathToFileURL } from "node:url";
import { findProjectRoot } from "./find_project_root.ts";
import { TitoError } from "./tito_error.ts";

/** Where tito reads the course registry, relative to the project root. */
export const REGISTRY_PATH = "modules/course/registry.ts";

/** The TinyTorch project tito runs in, and its course. */
export interface Project {
  /** The project's absolute path (tito's working directory while it runs). */
  readonly root: string;
  /** Where the learner typed the command: relative paths in arguments start here. */
  readonly cwd: string;
  /** The course modules, in course order. */
  readonly modules: readonly ModuleInfo[];
  /** The milestones, in course order. */
  readonly milestones: readonly MilestoneInfo[];
}

/**
 * The folder the learner typed the command in: the launcher passes it as `TITO_CWD`, and
 * `deno task` as `INIT_CWD` (it runs tasks in the project root, the working directory). Either is
 * trusted only inside the working directory: `deno task` keeps an `INIT_CWD` it inherits, so a
 * tito started by another project's task (a test, a script) would otherwise open that project.
 *
 * @returns An absolute path.
 */
export function learnerCwd(): string {
  const here = Deno.cwd();
  const inside = (dir: string | undefined) =>
    dir !== undefined && (dir === here || dir.startsWith(`${here}/`));
  return [Deno.env.get("TITO_CWD"), Deno.env.get("INIT_CWD")].find(inside) ?? here;
}

/**
 * Finds the enclosing project, makes it the working directory, and loads its course registry
 * ({@linkcode loadProject}).
 *
 * @returns The project.
 * @throws {TitoError} Outside a project, or when the registry cannot be loaded.
 */
export async function openProject(): Promise<Project> {
  const cwd = learnerCwd();
  const root = await findProjectRoot(cwd) ?? await findProjectRoot(Deno.cwd());
  if (!root) {
    throw new TitoError(`Cannot find a TinyTorch project in ${cwd} or any folder above it`, {
      hint: 'A project is a folder whose deno.json has a "tito" task; cd into your clone.',
    });
  }
  Deno.chdir(root);
  return await loadProject(root, cwd);
}

/**
 * Loads a project's course registry: `MODULES` and `MILESTONES` exported by
 * `<root>/modules/course/registry.ts`. The registry is taken from the project (not from tito's
 * own copy), so tito's tests can run commands on a small fixture course. Only the registry is
 * loaded: no learner code. The working directory is left as it is.
 *
 * @param root The project's absolute path.
 * @param cwd Where relative paths in arguments start; default the root.
 * @returns The project.
 * @throws {TitoError} When the registry cannot be loaded.
 */
export async function loadProject(root: string, cwd: string = root): Promise<Project> {
  let registry: { MODULES?: readonly ModuleInfo[]; MILESTONES?: readonly MilestoneInfo[] };
  try {
    registry = await import(pathToFileURL(`${root}/${REGISTRY_PATH}`).href);
  } catch (error) {
    throw new TitoError(`Cannot load the course registry ${REGISTRY_PATH}: ${String(error)}`);
  }
  if (!Array.isArray(registry.MODULES)) {
    throw new TitoError(`Cannot read the course registry ${REGISTRY_PATH}: it exports no MODULES`);
  }
  return { root, cwd, modules: registry.MODULES, milestones: registry.MILESTONES ?? [] };
}

/**
 * `01 tensor`-style labels: the module's numbers and its name.
 *
 * @param m A module.
 * @returns e.g. `"02+03 layers"`.
 */
export function moduleLabel(m: Pick<ModuleInfo, "numbers" | "name">): string {
  return `${moduleNumbers(m)} ${m.name}`;
}

/**
 * A module's course numbers, two digits each.
 *
 * @param m A module.
 * @returns e.g. `"02+03"`.
 */
export function moduleNumbers(m: Pick<ModuleInfo, "numbers">): string {
  return m.numbers.map((n) => String(n).padStart(2, "0")).join("+");
}

/**
 * Resolves a module by name or number through the registry.
 *
 * @param project The project.
 * @param ref `"15"`, `"01"`, `"1"`, `"02"` or `"quantization"`.
 * @returns The module.
 * @throws {TitoError} Listing the valid modules when nothing matches.
 */
export function resolveModule(project: Project, ref: string | undefined): ModuleInfo {
  if (ref !== undefined) {
    try {
      return findModule(ref, project.modules);
    } catch {
      // reported below with the list
    }
  }
  const valid = project.modules.map((m) => `  ${moduleLabel(m).padEnd(16)} ${m.title}`);
  const guess = ref === undefined ? undefined : closest(ref, project.modules.map((m) => m.name));
  throw new TitoError(
    ref === undefined
      ? "Which module? Name one by number or name"
      : `Cannot find module "${ref}" in the course${guess ? `. Did you mean "${guess}"?` : ""}`,
    { hint: `The valid modules are:\n${valid.join("\n")}` },
  );
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/**
 * The name closest to a typo: within a third of its length in edits (at least 1), or one it
 * starts.
 *
 * @param typed What was typed.
 * @param names The valid names.
 * @returns The closest name, or `undefined` when none is close.
 */
export function closest(typed: string, names: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  const prefix = names.filter((n) => n.startsWith(t));
  if (t.length >= 3 && prefix.length === 1) return prefix[0];
  const scored = names.map((n) => ({ n, d: editDistance(t, n) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(1, Math.floor(best.n.length / 3)) ? best.n : undefined;
}

/**
 * Resolves a milestone by id (`"06"`, `"6"`) or title (`"mlperf"`).
 *
 * @param project The project.
 * @param ref The id or title.
 * @returns The milestone.
 * @throws {TitoError} Listing the valid milestones when nothing matches.
 */
export function resolveMilestone(project: Project, ref: string): MilestoneInfo {
  const text = ref.trim().toLowerCase();
  const found = project.milestones.find((m) =>
    m.id === text || (/^\d+$/.test(text) && Number(m.id) === Number(text)) ||
    m.title.toLowerCase() === text
  );
  if (found) return found;
  const valid = project.milestones.map((m) => `  ${m.id} ${m.title} (${m.year})`);
  throw new TitoError(`Cannot find milestone "${ref}"`, {
    hint: `The milestones are:\n${valid.join("\n")}`,
  });
}
