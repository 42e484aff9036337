// deno-lint-ignore-file no-console -- a maintainer's script
/**
 * Writes `tito/reference_manifest.json` (the SHA-256 of every file of every course module) for
 * the repository and for tito's fixture course: `deno task tito:manifest` after changing a
 * module. With `--check`, writes nothing and exits 1 when a manifest is stale.
 *
 * Usage: `deno run -A tito/reference/write_reference_manifest.ts [--check] [<project root>…]`
 *
 * @module
 */
import type { ModuleInfo } from "@tinytorch/course";
import { pathToFileURL } from "node:url";
import { REGISTRY_PATH } from "../project.ts";
import { buildManifest, MANIFEST_PATH } from "./reference_manifest.ts";

/** The projects whose manifest the script writes by default: the repository and the fixture. */
export const DEFAULT_ROOTS: readonly string[] = [
  new URL("../..", import.meta.url).pathname.replace(/\/$/, ""),
  new URL("../testdata/fixture", import.meta.url).pathname,
];

/**
 * The manifest of a project as its modules are now, as the text of the file.
 *
 * @param root The project root.
 * @returns The JSON text.
 */
export async function manifestText(root: string): Promise<string> {
  const registry = await import(pathToFileURL(`${root}/${REGISTRY_PATH}`).href);
  const manifest = await buildManifest(root, registry.MODULES as readonly ModuleInfo[]);
  return JSON.stringify(manifest, null, 2) + "\n";
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const roots = Deno.args.filter((a) => a !== "--check");
  let stale = 0;
  for (const root of roots.length ? roots : DEFAULT_ROOTS) {
    const text = await manifestText(root);
    const path = `${root}/${MANIFEST_PATH}`;
    const old = await Deno.readTextFile(path).catch(() => "");
    if (old === text) console.log(`${path} is up to date`);
    else if (check) {
      console.log(`${path} is stale: run deno task tito:manifest`);
      stale++;
    } else {
      await Deno.mkdir(`${root}/tito`, { recursive: true });
      await Deno.writeTextFile(path, text);
      console.log(`wrote ${path}`);
    }
  }
  Deno.exit(stale ? 1 : 0);
}
