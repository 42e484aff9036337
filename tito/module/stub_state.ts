import { findRegions, type ModuleInfo, renderStub } from "@tinytorch/course";
import { listTree, sha256Hex } from "../files.ts";
import { referencePath } from "../reference/references.ts";

/**
 * Compares stubs without what may legitimately differ between renderings: the file-level lint
 * header and the lesson path of the TODO lines.
 *
 * @param source A file's text.
 * @returns The text to compare.
 */
export function normalizeStub(source: string): string {
  return source
    .replace(/^\/\/ deno-lint-ignore-file [^\n]*\n/, "")
    .replace(/^(\s*)\/\/ TODO\(([^)]+)\):[^\n]*$/gm, "$1// TODO($2)");
}

/**
 * Renders one file as a stub for a module (the lesson is the module's README).
 *
 * @param source The reference text.
 * @param module The module.
 * @returns The stub text (normalized for comparison).
 */
export function stubText(source: string, module: ModuleInfo): string {
  return normalizeStub(renderStub(source, { lesson: `${module.dir}/README.md` }));
}

/** What a module folder holds, compared with its stub and its reference. */
export interface ModuleState {
  /** Solution regions in the folder. */
  readonly regions: number;
  /** Regions whose body is already the stub. */
  readonly stubbedRegions: number;
  /** The folder is exactly the stub (of the reference when there is one). */
  readonly isStub: boolean;
  /** The folder is exactly the reference copy (`null`: no reference to compare with). */
  readonly isReference: boolean | null;
}

/** `.ts` files as text, other files (e.g. `.wasm`) as their SHA-256, by relative path. */
async function readTexts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of await listTree(dir)) {
    const bytes = await Deno.readFile(`${dir}/${rel}`);
    out.set(rel, rel.endsWith(".ts") ? new TextDecoder().decode(bytes) : await sha256Hex(bytes));
  }
  return out;
}

/**
 * Whether a region's body is the stub: comment lines and then the task's `NotImplementedError`.
 *
 * @param body The lines between the region markers.
 * @param task The task id.
 * @returns True for a stub body.
 */
export function isStubBody(body: readonly string[], task: string): boolean {
  const lines = body.map((l) => l.trim()).filter((l) => l !== "");
  return lines.length > 0 && lines.at(-1) === `throw new NotImplementedError("${task}");` &&
    lines.slice(0, -1).every((l) => l.startsWith("//"));
}

// Every region of the `.ts` files, and whether its body is the stub (malformed markers: skipped).
function* regionStates(files: Map<string, string>): Generator<{ task: string; stub: boolean }> {
  for (const [rel, text] of files) {
    if (!rel.endsWith(".ts")) continue;
    let found;
    try {
      found = findRegions(text);
    } catch {
      continue; // malformed markers: not a stub
    }
    const lines = text.split("\n");
    for (const r of found) {
      yield { task: r.task, stub: isStubBody(lines.slice(r.start, r.end - 1), r.task) };
    }
  }
}

function countRegions(files: Map<string, string>) {
  const all = [...regionStates(files)];
  return { regions: all.length, stubbed: all.filter((r) => r.stub).length };
}

/**
 * The tasks whose every region in the module folder is still the stub, in registry order.
 *
 * @param root The project root.
 * @param module The module.
 * @returns Task ids.
 */
export async function stubbedTasks(root: string, module: ModuleInfo): Promise<string[]> {
  const stub = new Map<string, boolean>();
  for (const r of regionStates(await readTexts(`${root}/${module.dir}`))) {
    stub.set(r.task, (stub.get(r.task) ?? true) && r.stub);
  }
  return module.tasks.map((t) => t.id).filter((id) => stub.get(id) === true);
}

/**
 * Inspects a module folder: is it the stub, the reference, or something else (learner work)?
 *
 * @param root The project root.
 * @param module The module.
 * @param withReference Whether to compare with `.tito/reference/<name>/` (when it exists).
 * @returns The state.
 */
export async function moduleState(
  root: string,
  module: ModuleInfo,
  withReference = true,
): Promise<ModuleState> {
  const current = await readTexts(`${root}/${module.dir}`);
  const reference = withReference ? await readTexts(`${root}/${referencePath(module)}`) : new Map();
  const { regions, stubbed } = countRegions(current);
  if (reference.size === 0) {
    return { regions, stubbedRegions: stubbed, isStub: stubbed === regions, isReference: null };
  }
  const paths = new Set([...current.keys(), ...reference.keys()]);
  let isStub = true;
  let isReference = true;
  for (const p of paths) {
    const cur = current.get(p);
    const ref = reference.get(p);
    if (cur !== ref) isReference = false;
    const wanted = ref === undefined ? undefined : p.endsWith(".ts") ? stubText(ref, module) : ref;
    const got = cur === undefined ? undefined : p.endsWith(".ts") ? normalizeStub(cur) : cur;
    if (wanted !== got) isStub = false;
  }
  return { regions, stubbedRegions: stubbed, isStub, isReference };
}
