import { type ModuleInfo, withPrerequisites } from "@tinytorch/course";
import { copyTree, replaceTree } from "../files.ts";
import { projectFiles } from "../git.ts";
import type { Project } from "../project.ts";
import { hasReference, referencePath } from "./references.ts";

/** A temporary copy of the project whose prerequisite modules are their reference versions. */
export interface ReferenceDepsCopy {
  /** The copy's root. */
  readonly dir: string;
  /** Prerequisites replaced by `.tito/reference/<name>/`. */
  readonly used: string[];
  /** Prerequisites without a reference copy: the learner's own version stays. */
  readonly missing: string[];
  /** Removes the copy. */
  readonly remove: () => Promise<void>;
}

/**
 * Copies the project (git's tracked and untracked files, without `.git`, `.tito`, `reports`) to a
 * temporary folder and replaces every prerequisite of `module` (transitively) with its reference
 * copy, so a bug in an earlier module does not block this one.
 *
 * @param project The project.
 * @param module The module under test (its own folder is kept).
 * @returns The copy; call `remove()` when done.
 */
export async function referenceDepsCopy(
  project: Project,
  module: ModuleInfo,
): Promise<ReferenceDepsCopy> {
  const dir = await Deno.makeTempDir({ prefix: "tito-reference-deps-" });
  const remove = () => Deno.remove(dir, { recursive: true }).catch(() => {});
  try {
    await copyTree(project.root, dir, await projectFiles(project.root));
    const used: string[] = [];
    const missing: string[] = [];
    for (const name of withPrerequisites(module.name, project.modules)) {
      if (name === module.name) continue;
      const m = project.modules.find((x) => x.name === name)!;
      if (await hasReference(project.root, m)) {
        await Deno.mkdir(`${dir}/${m.dir}`, { recursive: true });
        await replaceTree(`${project.root}/${referencePath(m)}`, `${dir}/${m.dir}`);
        used.push(name);
      } else missing.push(name);
    }
    return { dir, used, missing, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
