import type { ModuleInfo } from "@tinytorch/course";
import { listSome, listTree, sha256Hex } from "../files.ts";

/** Where the manifest is, relative to the project root. */
export const MANIFEST_PATH = "tito/reference_manifest.json";

/**
 * `tito/reference_manifest.json`: the SHA-256 of every file of every module folder as the course
 * ships it (the reference solution). `tito module start` saves a folder as the reference only
 * when it matches, so a learner's committed edits are never taken for the reference.
 */
export interface ReferenceManifest {
  /** Always `"tito-reference-manifest/1"`. */
  readonly format: "tito-reference-manifest/1";
  /** By module name: SHA-256 by path relative to the module folder. */
  readonly modules: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const TEXT = /\.(ts|md|json|txt)$/;

/** A file's SHA-256; text files with CRLF line ends (a Windows checkout) hash as with LF. */
async function fileHash(path: string): Promise<string> {
  const bytes = await Deno.readFile(path);
  if (!TEXT.test(path) || !bytes.includes(13)) return await sha256Hex(bytes);
  const text = new TextDecoder().decode(bytes).replaceAll("\r\n", "\n");
  return await sha256Hex(new TextEncoder().encode(text));
}

/**
 * The SHA-256 of every file under a module's folder (text files with LF line ends).
 *
 * @param root The project root.
 * @param module The module.
 * @returns SHA-256 by relative path, sorted by path.
 */
export async function moduleHashes(
  root: string,
  module: ModuleInfo,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listTree(`${root}/${module.dir}`)) {
    out[rel] = await fileHash(`${root}/${module.dir}/${rel}`);
  }
  return out;
}

/**
 * Builds the manifest of the modules as they are now.
 *
 * @param root The project root.
 * @param modules The course modules.
 * @returns The manifest.
 */
export async function buildManifest(
  root: string,
  modules: readonly ModuleInfo[],
): Promise<ReferenceManifest> {
  const entries = [];
  for (const m of modules) entries.push([m.name, await moduleHashes(root, m)] as const);
  return { format: "tito-reference-manifest/1", modules: Object.fromEntries(entries) };
}

/**
 * Reads the project's manifest.
 *
 * @param root The project root.
 * @returns The manifest, or `null` when there is none or it is not a valid one.
 */
export async function readManifest(root: string): Promise<ReferenceManifest | null> {
  try {
    const value = JSON.parse(await Deno.readTextFile(`${root}/${MANIFEST_PATH}`));
    return value?.format === "tito-reference-manifest/1" && typeof value.modules === "object"
      ? value
      : null;
  } catch {
    return null;
  }
}

/**
 * The files of a module folder that are not as the manifest lists them: changed, added or
 * missing.
 *
 * @param current The folder's hashes ({@linkcode moduleHashes}).
 * @param listed The manifest's entry for the module.
 * @returns Relative paths, sorted; empty when the folder matches.
 */
export function differingFiles(
  current: Readonly<Record<string, string>>,
  listed: Readonly<Record<string, string>>,
): string[] {
  const paths = new Set([...Object.keys(current), ...Object.keys(listed)]);
  return [...paths].filter((p) => current[p] !== listed[p]).sort();
}

/**
 * Whether a module's folder is the course's reference, according to the manifest.
 *
 * @param root The project root.
 * @param module The module.
 * @returns `{ matches: true }`, or why not: the files that differ, or that there is no entry.
 */
export async function checkReference(
  root: string,
  module: ModuleInfo,
): Promise<{ matches: true } | { matches: false; why: string }> {
  const listed = (await readManifest(root))?.modules[module.name];
  if (!listed) {
    return { matches: false, why: `${MANIFEST_PATH} lists no reference of ${module.name}` };
  }
  const differ = differingFiles(await moduleHashes(root, module), listed);
  if (differ.length === 0) return { matches: true };
  const shown = listSome(differ);
  const verb = differ.length === 1 ? "is" : "are";
  return {
    matches: false,
    why: `${shown} ${verb} not the course's version listed in ${MANIFEST_PATH}`,
  };
}
