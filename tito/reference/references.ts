import type { ModuleInfo } from "@tinytorch/course";
import { copyTree, listTree } from "../files.ts";

/** Where reference copies live, relative to the project root. */
export const REFERENCE_DIR = ".tito/reference";

/**
 * The reference copy's folder of a module, relative to the project root. It mirrors
 * `modules/<name>/` file by file.
 *
 * @param module The module.
 * @returns e.g. `".tito/reference/quantization"`.
 */
export function referencePath(module: ModuleInfo): string {
  return `${REFERENCE_DIR}/${module.name}`;
}

/**
 * Whether a reference copy of the module is available.
 *
 * @param root The project root.
 * @param module The module.
 * @returns True when its folder holds at least one file.
 */
export async function hasReference(root: string, module: ModuleInfo): Promise<boolean> {
  return (await listTree(`${root}/${referencePath(module)}`)).length > 0;
}

/**
 * Saves the module's current files as its reference copy. Never overwrites one.
 *
 * @param root The project root.
 * @param module The module.
 * @returns The number of files saved.
 * @throws {Error} If a reference copy already exists.
 */
export async function saveReference(root: string, module: ModuleInfo): Promise<number> {
  if (await hasReference(root, module)) {
    throw new Error(`Cannot save ${referencePath(module)}: a reference copy is already there`);
  }
  const files = await listTree(`${root}/${module.dir}`);
  await copyTree(`${root}/${module.dir}`, `${root}/${referencePath(module)}`, files);
  return files.length;
}

/** The reason shown when a reference is missing, for every command that needs one. */
export function missingReferenceHint(module: ModuleInfo): string {
  return `There is no ${referencePath(module)}/. In the course repository, tito module start ` +
    `saves it before rendering the stub, when the folder is the course's code ` +
    `(tito/reference_manifest.json); in a student release your instructor decides which ` +
    `modules' references ship there.`;
}
