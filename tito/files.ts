/**
 * Lists the files under a folder, recursively, as sorted `/`-separated relative paths. Symbolic
 * links are listed as files (their targets are read when copied).
 *
 * @param dir The folder.
 * @returns Relative paths; empty when the folder does not exist.
 */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    let entries: Deno.DirEntry[] = [];
    try {
      entries = await Array.fromAsync(Deno.readDir(rel ? `${dir}/${rel}` : dir));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound && rel === "") return;
      throw error;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) await walk(path);
      else out.push(path);
    }
  }
  await walk("");
  return out.sort();
}

/**
 * Reads every file under a folder.
 *
 * @param dir The folder.
 * @returns Contents by relative path.
 */
export async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
  const tree = new Map<string, Uint8Array>();
  for (const rel of await listTree(dir)) tree.set(rel, await Deno.readFile(`${dir}/${rel}`));
  return tree;
}

/**
 * Whether two trees hold the same files with the same bytes.
 *
 * @param a A tree from {@linkcode readTree}.
 * @param b Another.
 * @returns True when identical.
 */
export function sameTree(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, bytes] of a) {
    const other = b.get(path);
    if (!other || other.length !== bytes.length || !other.every((v, i) => v === bytes[i])) {
      return false;
    }
  }
  return true;
}

/**
 * Copies files from one folder to another, creating folders as needed.
 *
 * @param from The source folder.
 * @param to The destination folder.
 * @param files Relative paths; default every file under `from`.
 */
export async function copyTree(from: string, to: string, files?: readonly string[]): Promise<void> {
  for (const rel of files ?? await listTree(from)) {
    const target = `${to}/${rel}`;
    await Deno.mkdir(target.slice(0, target.lastIndexOf("/")), { recursive: true });
    await Deno.copyFile(`${from}/${rel}`, target);
  }
}

/**
 * Copies a fixture (a folder under a `testdata/` folder) to a new temporary folder, for a test to
 * change as it likes.
 *
 * @param from The fixture's folder.
 * @param prefix The temporary folder's name prefix.
 * @returns The copy's real path (symbolic links resolved); remove it when done.
 */
export async function copyFixture(from: string, prefix: string): Promise<string> {
  const root = await Deno.realPath(await Deno.makeTempDir({ prefix }));
  await copyTree(from, root);
  return root;
}

/**
 * Makes `dir` hold exactly the files of `from`: copies them over and removes the others.
 *
 * @param from The source folder.
 * @param dir The folder to replace the contents of.
 */
export async function replaceTree(from: string, dir: string): Promise<void> {
  const keep = new Set(await listTree(from));
  for (const rel of await listTree(dir)) {
    if (!keep.has(rel)) await Deno.remove(`${dir}/${rel}`);
  }
  await copyTree(from, dir, [...keep]);
}

/**
 * The SHA-256 of some bytes, as lowercase hex.
 *
 * @param bytes The data.
 * @returns 64 hex digits.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A compact UTC time for file names.
 *
 * @param date The time; default now.
 * @returns e.g. `"20261127T163325"`.
 */
export function fileStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "");
}

/**
 * Whether a path exists.
 *
 * @param path A file or folder.
 * @returns True when `stat` succeeds.
 */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A short list for a message: the first `max` items, then `…and N more`.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { listSome } from "./files.ts";
 * assert.equal(listSome(["a", "b", "c"], 2), "a, b …and 1 more");
 * ```
 *
 * @param items The items.
 * @param max How many to name.
 * @returns The list.
 */
export function listSome(items: readonly string[], max = 5): string {
  const rest = items.length - max;
  return items.slice(0, max).join(", ") + (rest > 0 ? ` …and ${rest} more` : "");
}
