/**
 * What must never reach a student release, beyond the solution regions: archives (a committed
 * `autograder.zip` holds the hidden cases and the reference), binaries other than the reference
 * weights and the Wasm kernels (each checked against what its build produces), and the text of
 * hidden cases.
 *
 * @module
 */
import { type ModuleInfo, MODULES } from "@tinytorch/course";
import { buildKernels } from "../../modules/quantization/kernels/build_wasm.ts";
import { loadCatalog } from "../catalog.ts";

const ARCHIVE_NAME = /\.(zip|jar|tar|tgz|gz|bz2|xz|zst|7z|rar)$/i;
const KERNELS_DIR = "modules/quantization/kernels";
const WEIGHTS = "datasets/reference_mlp.bin";

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/**
 * Whether a file is an archive, by its name or its first bytes (zip, gzip, bzip2, xz, zstd, 7z,
 * rar, tar).
 *
 * @param path The file's path.
 * @param bytes Its content.
 * @returns `true` for an archive.
 */
export function isArchive(path: string, bytes: Uint8Array): boolean {
  if (ARCHIVE_NAME.test(path)) return true;
  const magics = [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
    [0x1f, 0x8b],
    [0x42, 0x5a, 0x68],
    [0xfd, 0x37, 0x7a, 0x58, 0x5a],
    [0x28, 0xb5, 0x2f, 0xfd],
    [0x37, 0x7a, 0xbc, 0xaf],
    [0x52, 0x61, 0x72, 0x21],
  ];
  return magics.some((m) => startsWith(bytes, m)) ||
    startsWith(bytes, [0x75, 0x73, 0x74, 0x61, 0x72], 257);
}

/**
 * Whether a file is binary: it holds a NUL byte or is not UTF-8.
 *
 * @param bytes Its content.
 * @returns `true` for a binary file.
 */
export function isBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The binaries a release may hold, by path, each with the SHA-256 its build produces: the Wasm
 * kernels assembled from their WAT sources, and the reference weights named in their manifest.
 *
 * @param root The instructor's repository.
 * @returns Path → expected SHA-256.
 */
export async function allowedBinaries(root: string): Promise<Map<string, string>> {
  const allowed = new Map<string, string>();
  for (const file of await buildKernels()) {
    if (file.name.endsWith(".wasm")) {
      allowed.set(`${KERNELS_DIR}/${file.name}`, await sha256Hex(file.bytes));
    }
  }
  const manifest = JSON.parse(await Deno.readTextFile(`${root}/datasets/reference_mlp.json`));
  allowed.set(WEIGHTS, manifest.sha256);
  return allowed;
}

/**
 * The names of hidden cases distinctive enough to search for: not also the name of a visible case,
 * and at least 16 characters long.
 *
 * @param root The instructor's repository.
 * @param modules The course.
 * @returns Names with their case ids.
 */
export async function hiddenCaseNames(
  root: string,
  modules: readonly ModuleInfo[] = MODULES,
): Promise<Map<string, string>> {
  const visible = new Set<string>();
  const hidden = new Map<string, string>();
  for (const m of modules) {
    for (const e of (await loadCatalog(root, m.name, modules)).entries) {
      if (e.hidden) hidden.set(e.name, e.id);
      else visible.add(e.name);
    }
  }
  for (const name of [...hidden.keys()]) {
    if (visible.has(name) || name.length < 16) hidden.delete(name);
  }
  return hidden;
}

// A shipped solution's copy `.tito/reference/<module>/<file>` stands for `<module dir>/<file>`.
function sourcePath(rel: string, modules: readonly ModuleInfo[]): string {
  const m = /^\.tito\/reference\/([^/]+)\/(.*)$/.exec(rel);
  const dir = m && modules.find((x) => x.name === m[1])?.dir;
  return dir ? `${dir}/${m[2]}` : rel;
}

/**
 * Every file below a folder, depth first.
 *
 * @param dir The folder.
 * @param prefix The path of `dir` in the results.
 * @returns Relative paths of regular files.
 */
export async function* walk(dir: string, prefix = ""): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) yield* walk(`${dir}/${e.name}`, rel);
    else if (e.isFile) yield rel;
  }
}

/**
 * Searches a release for what must not be in it: archives, binaries other than the allowed ones
 * (or an allowed one whose bytes differ from its build), and hidden cases (a case file's
 * `"<name>":` key of a hidden case).
 *
 * @param root The instructor's repository.
 * @param out The release.
 * @param modules The course.
 * @returns One line per problem.
 */
export async function forbiddenFiles(
  root: string,
  out: string,
  modules: readonly ModuleInfo[] = MODULES,
): Promise<string[]> {
  const allowed = await allowedBinaries(root);
  const hidden = await hiddenCaseNames(root, modules);
  const problems: string[] = [];
  for await (const rel of walk(out)) {
    const bytes = await Deno.readFile(`${out}/${rel}`);
    if (isArchive(rel, bytes)) {
      problems.push(`${rel} is an archive (it could hold hidden cases or solutions)`);
    } else if (isBinary(bytes)) {
      const want = allowed.get(sourcePath(rel, modules));
      if (want === undefined) problems.push(`${rel} is a binary file outside the allowed list`);
      else if (await sha256Hex(bytes) !== want) {
        problems.push(`${rel} differs from what its build produces`);
      }
    } else {
      const text = new TextDecoder().decode(bytes);
      for (const [name, id] of hidden) {
        if (text.includes(`${JSON.stringify(name)}:`)) {
          problems.push(`${rel} holds the hidden case ${id}`);
        }
      }
    }
  }
  return problems;
}
