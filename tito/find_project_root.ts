/**
 * Whether a `deno.json` declares the `tito` task (what makes its folder a TinyTorch project).
 *
 * @param path The `deno.json` file.
 * @returns True when it parses and has `tasks.tito`.
 */
async function hasTitoTask(path: string): Promise<boolean> {
  try {
    const config = JSON.parse(await Deno.readTextFile(path));
    return typeof config?.tasks?.tito === "string" || typeof config?.tasks?.tito === "object";
  } catch {
    return false;
  }
}

/**
 * Finds the TinyTorch project that encloses a folder: the nearest ancestor (the folder itself
 * included) holding a `deno.json` whose `tasks` has `tito`.
 *
 * @example Usage
 * ```ts ignore
 * import { findProjectRoot } from "@tinytorch/tito";
 * console.log(await findProjectRoot(Deno.cwd())); // e.g. "/home/me/tinytorch", or null
 * ```
 *
 * @param from An absolute folder path.
 * @returns The project's absolute path, or `null` when no ancestor is a project.
 */
export async function findProjectRoot(from: string): Promise<string | null> {
  let dir = from.replace(/\/+$/, "") || "/";
  while (true) {
    if (await hasTitoTask(`${dir === "/" ? "" : dir}/deno.json`)) return dir;
    const parent = dir.slice(0, dir.lastIndexOf("/")) || "/";
    if (parent === dir) return null;
    dir = parent;
  }
}
