import type { ModuleInfo } from "@tinytorch/course";
import { ARCHIVE_LIMITS, type ArchiveEntry, ArchiveError, gunzipCapped } from "./archive.ts";
import type { SubmissionInput } from "../grade_submission.ts";
import { formatBytes } from "../sandbox/limits.ts";
import { isSafeRelativePath } from "../paths.ts";
import { isSubmittable } from "../sandbox/sandbox.ts";
import { readTar } from "./tar.ts";
import { readZip } from "./zip_reader.ts";

/** Where a student's submission is: a folder or an archive in the submissions folder. */
export interface SubmissionSource {
  /** The student: the folder or archive name without its extension. */
  readonly student: string;
  /** Its path. */
  readonly path: string;
  /** How it is stored. */
  readonly kind: "folder" | "zip" | "tar.gz" | "tar";
}

const KINDS: [RegExp, SubmissionSource["kind"]][] = [
  [/\.zip$/i, "zip"],
  [/\.(tar\.gz|tgz)$/i, "tar.gz"],
  [/\.tar$/i, "tar"],
];

function archiveKind(name: string): SubmissionSource["kind"] | undefined {
  return KINDS.find(([re]) => re.test(name))?.[1];
}

/**
 * Lists the submissions in a folder: each sub-folder, `.zip`, `.tar.gz`/`.tgz` or `.tar` is one
 * student (hidden entries and other files are skipped), sorted by name.
 *
 * @param dir The submissions folder.
 * @returns The submissions.
 */
export async function listSubmissions(dir: string): Promise<SubmissionSource[]> {
  const found: SubmissionSource[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.name.startsWith(".")) continue;
    const kind = e.isDirectory || e.isSymlink ? "folder" : archiveKind(e.name);
    if (!kind) continue;
    const student = kind === "folder"
      ? e.name
      : e.name.replace(KINDS.find(([, k]) => k === kind)![0], "");
    found.push({ student, path: `${dir}/${e.name}`, kind });
  }
  found.sort((a, b) => a.path.localeCompare(b.path));
  const seen = new Map<string, number>();
  for (const s of found) seen.set(s.student, (seen.get(s.student) ?? 0) + 1);
  return found.map((s) =>
    (seen.get(s.student) ?? 0) > 1 ? { ...s, student: s.path.slice(dir.length + 1) } : s
  );
}

async function sha256(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

interface FolderBudget {
  entries: number;
  bytes: number;
}

function tooLarge(what: string, size: number, limit: number): ArchiveError {
  return new ArchiveError(
    `Refused: ${what} is ${formatBytes(size)}, over the limit of ${formatBytes(limit)}`,
  );
}

// Every entry is lstat-ed, and counted against the caps, before any file is read.
async function readFolder(
  dir: string,
  prefix = "",
  out: ArchiveEntry[] = [],
  budget: FolderBudget = { entries: 0, bytes: 0 },
): Promise<ArchiveEntry[]> {
  const limits = ARCHIVE_LIMITS;
  for await (const e of Deno.readDir(dir)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (++budget.entries > limits.maxEntries) {
      throw new ArchiveError(`Refused: the folder has more than ${limits.maxEntries} entries`);
    }
    const info = await Deno.lstat(`${dir}/${e.name}`);
    if (info.isSymlink) out.push({ path: rel, type: "symlink", data: new Uint8Array(0) });
    else if (info.isDirectory) await readFolder(`${dir}/${e.name}`, rel, out, budget);
    else if (!info.isFile) out.push({ path: rel, type: "other", data: new Uint8Array(0) });
    else if ((info.nlink ?? 1) > 1) {
      out.push({ path: rel, type: "hardlink", data: new Uint8Array(0) });
    } else {
      if (info.size > limits.maxFileBytes) {
        throw tooLarge(`"${rel}"`, info.size, limits.maxFileBytes);
      }
      budget.bytes += info.size;
      if (budget.bytes > limits.maxBytes) {
        throw new ArchiveError(
          `Refused: the folder's files add up to more than the limit of ${
            formatBytes(limits.maxBytes)
          }`,
        );
      }
      out.push({ path: rel, type: "file", data: await Deno.readFile(`${dir}/${e.name}`) });
    }
  }
  return out;
}

function unpack(kind: SubmissionSource["kind"], bytes: Uint8Array): ArchiveEntry[] {
  if (kind === "zip") return readZip(bytes);
  if (kind === "tar") return readTar(bytes);
  return readTar(gunzipCapped(bytes, ARCHIVE_LIMITS.maxBytes));
}

const LINKS: Partial<Record<ArchiveEntry["type"], string>> = {
  symlink: "a symbolic link",
  hardlink: "a hard link",
  other: "a special file",
};

/**
 * Validates entries and normalizes their paths: any link, device, absolute path or `..` refuses
 * the whole submission.
 *
 * @param entries Entries as stored.
 * @returns Files by normalized path.
 * @throws {ArchiveError} Naming the first refused entry.
 */
export function safeFiles(entries: readonly ArchiveEntry[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    const path = e.path.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    const what = LINKS[e.type];
    if (what) throw new ArchiveError(`Refused: "${e.path}" is ${what}`);
    if (path === "" && e.type === "directory") continue;
    if (!isSafeRelativePath(path)) {
      throw new ArchiveError(`Refused: "${e.path}" is an absolute path or leaves the folder`);
    }
    if (e.type === "file") {
      if (files.has(path)) throw new ArchiveError(`Refused: "${e.path}" is stored twice`);
      files.set(path, e.data);
    }
  }
  return checkTree(files);
}

const MAX_SEGMENT_BYTES = 255;

// What the sandbox could not write: a name longer than a file system allows, or a path that is a
// file and also holds others.
function checkTree(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  for (const path of files.keys()) {
    const segments = path.split("/");
    const long = segments.find((s) => new TextEncoder().encode(s).length > MAX_SEGMENT_BYTES);
    if (long !== undefined) {
      throw new ArchiveError(
        `Refused: "${long.slice(0, 40)}…" is longer than ${MAX_SEGMENT_BYTES} bytes`,
      );
    }
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join("/");
      if (files.has(folder)) {
        throw new ArchiveError(`Refused: "${folder}" is both a file and a folder`);
      }
    }
  }
  return files;
}

function moduleRoot(paths: readonly string[], module: ModuleInfo): string {
  const marker = `${module.dir}/`;
  const candidates = paths.flatMap((p) => {
    if (p.startsWith(marker)) return [marker];
    const at = p.indexOf(`/${marker}`);
    return at < 0 ? [] : [p.slice(0, at + 1) + marker];
  });
  if (candidates.length > 0) return candidates.reduce((a, b) => (a.length <= b.length ? a : b));
  let root = "";
  for (;;) {
    const rest = paths.map((p) => p.slice(root.length));
    const first = rest[0]?.split("/")[0];
    if (!first || rest.some((p) => !p.startsWith(`${first}/`))) return root;
    root += `${first}/`;
  }
}

function manifestProblem(files: Map<string, Uint8Array>, module: ModuleInfo): string | undefined {
  const raw = files.get("manifest.json");
  if (!raw) return undefined;
  try {
    const manifest = JSON.parse(new TextDecoder().decode(raw));
    if (manifest.format === "tinytorch-submission/1" && manifest.module !== module.name) {
      return `This is a submission for module "${manifest.module}", not "${module.name}"`;
    }
  } catch {
    // not a tito manifest
  }
  return undefined;
}

function moduleFiles(all: Map<string, Uint8Array>, module: ModuleInfo): Map<string, Uint8Array> {
  const root = moduleRoot([...all.keys()], module);
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of all) {
    if (!path.startsWith(root)) continue;
    const rel = path.slice(root.length);
    if (isSubmittable(rel)) files.set(rel, data);
  }
  return files;
}

async function entriesOf(
  source: SubmissionSource,
): Promise<{ entries: ArchiveEntry[]; fingerprint: string }> {
  if (source.kind !== "folder") {
    const { size } = await Deno.stat(source.path);
    if (size > ARCHIVE_LIMITS.maxBytes) {
      throw tooLarge("the archive", size, ARCHIVE_LIMITS.maxBytes);
    }
    const bytes = await Deno.readFile(source.path);
    return { entries: unpack(source.kind, bytes), fingerprint: await sha256(bytes) };
  }
  if ((await Deno.lstat(source.path)).isSymlink) {
    throw new ArchiveError(`Refused: the submission folder is a symbolic link`);
  }
  const entries = await readFolder(source.path);
  const files = [...safeFiles(entries)].sort(([a], [b]) => a.localeCompare(b));
  const lines = await Promise.all(files.map(async ([p, d]) => `${p}\0${await sha256(d)}`));
  const fingerprint = await sha256(new TextEncoder().encode(lines.join("\n")));
  const archives = files.filter(([p]) => archiveKind(p));
  if (archives.length === 1 && !files.some(([p]) => p.endsWith(".ts"))) {
    const [name, bytes] = archives[0];
    return { entries: unpack(archiveKind(name)!, bytes), fingerprint };
  }
  return { entries, fingerprint };
}

/**
 * Reads one submission: a folder or archive holding `modules/<name>/` (a whole repository, a
 * `tito submit` archive) or the module folder's contents, possibly under one top folder; a folder
 * holding a single archive is read as that archive. Only the module's `.ts` sources are taken.
 * Anything unreadable becomes an `error`, never an exception.
 *
 * @param source The submission.
 * @param module The graded module.
 * @returns The sources and a fingerprint, or why it cannot be graded.
 */
export async function readSubmission(
  source: SubmissionSource,
  module: ModuleInfo,
): Promise<SubmissionInput> {
  const student = source.student;
  let fingerprint = "";
  try {
    const read = await entriesOf(source);
    fingerprint = read.fingerprint;
    const all = safeFiles(read.entries);
    const wrong = manifestProblem(all, module);
    if (wrong) return { student, fingerprint, error: wrong };
    const files = moduleFiles(all, module);
    if (files.size === 0) {
      return { student, fingerprint, error: `No TypeScript sources of ${module.dir}/ were found` };
    }
    return { student, fingerprint, files };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { student, fingerprint, error: `Cannot read the submission: ${message}` };
  }
}
