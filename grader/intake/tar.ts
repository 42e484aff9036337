import { ARCHIVE_LIMITS, type ArchiveEntry, ArchiveError, type ArchiveLimits } from "./archive.ts";
import { formatBytes } from "../sandbox/limits.ts";

const BLOCK = 512;
const text = new TextDecoder();

function field(header: Uint8Array, at: number, length: number): string {
  const raw = header.subarray(at, at + length);
  const end = raw.indexOf(0);
  return text.decode(end < 0 ? raw : raw.subarray(0, end));
}

function octal(header: Uint8Array, at: number, length: number): number {
  const value = field(header, at, length).trim();
  if (value === "") return 0;
  if (!/^[0-7]+$/.test(value)) throw new ArchiveError("Cannot read the tar file: a bad header");
  return parseInt(value, 8);
}

function paxPath(data: Uint8Array): string | undefined {
  for (const record of text.decode(data).split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

function typeOf(flag: string): ArchiveEntry["type"] {
  if (flag === "0" || flag === "" || flag === "7") return "file";
  if (flag === "5") return "directory";
  if (flag === "2") return "symlink";
  if (flag === "1") return "hardlink";
  return "other";
}

function checksumOk(header: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === octal(header, 148, 8);
}

/**
 * Reads a (ustar, pax or GNU) tar archive: regular files and directories with their data;
 * symbolic links, hard links and devices are reported by type, never followed.
 *
 * @param bytes The uncompressed `.tar`.
 * @param limits Size and entry caps.
 * @returns The entries in order.
 * @throws {ArchiveError} If the archive is corrupt or too large.
 */
export function readTar(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let at = 0;
  let longName: string | undefined;
  let total = 0;
  while (at + BLOCK <= bytes.length) {
    const header = bytes.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new ArchiveError("Cannot read the tar file: a bad checksum");
    const size = octal(header, 124, 12);
    const flag = field(header, 156, 1);
    if (size > limits.maxFileBytes && typeOf(flag) === "file") {
      throw new ArchiveError(
        `Cannot read the tar file: an entry holds ${formatBytes(size)}, more than the ${
          formatBytes(limits.maxFileBytes)
        } a file may hold`,
      );
    }
    const data = bytes.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length !== size) throw new ArchiveError("Cannot read the tar file: it is truncated");
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    total += size;
    if (total > limits.maxBytes) {
      throw new ArchiveError(
        `Cannot read the tar file: it holds more than ${formatBytes(limits.maxBytes)}`,
      );
    }
    if (flag === "x") longName = paxPath(data) ?? longName;
    else if (flag === "L") longName = field(data, 0, data.length);
    else if (flag !== "g" && flag !== "K") {
      const prefix = field(header, 345, 155);
      const name = longName ??
        (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
      longName = undefined;
      const type = typeOf(flag);
      entries.push({ path: name, type, data: type === "file" ? data.slice() : new Uint8Array(0) });
      if (entries.length > limits.maxEntries) {
        throw new ArchiveError(
          `Cannot read the tar file: it has more than ${limits.maxEntries} entries`,
        );
      }
    }
  }
  return entries;
}

/** An entry to write with {@linkcode writeTar}. */
export interface TarInput {
  /** The path (at most 100 bytes, or split at a `/` into a 155-byte prefix). */
  readonly path: string;
  /** File content; ignored for links. */
  readonly data?: Uint8Array;
  /** A link's target: makes a symbolic link (or a hard link with `hard`). */
  readonly link?: string;
  /** Write a hard link instead of a symbolic one. */
  readonly hard?: boolean;
}

function put(header: Uint8Array, at: number, length: number, value: string): void {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length > length) {
    throw new RangeError(`Cannot write "${value}" in a ${length}-byte tar field`);
  }
  header.set(bytes, at);
}

function header(entry: TarInput, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const path = entry.path;
  const split = path.length > 100 ? path.lastIndexOf("/", 155) : -1;
  put(h, 0, 100, split > 0 ? path.slice(split + 1) : path);
  if (split > 0) put(h, 345, 155, path.slice(0, split));
  put(h, 100, 8, "0000644\0");
  put(h, 108, 8, "0000000\0");
  put(h, 116, 8, "0000000\0");
  put(h, 124, 12, size.toString(8).padStart(11, "0") + "\0");
  put(h, 136, 12, "00000000000\0");
  put(h, 156, 1, entry.link === undefined ? "0" : entry.hard ? "1" : "2");
  if (entry.link !== undefined) put(h, 157, 100, entry.link);
  put(h, 257, 8, "ustar\x0000");
  h.fill(32, 148, 156);
  const sum = h.reduce((s, b) => s + b, 0);
  put(h, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return h;
}

/**
 * Writes a ustar archive with fixed metadata (mode 644, time 0), so the same files give the same
 * bytes.
 *
 * @param entries Files and links.
 * @returns The `.tar` bytes.
 */
export function writeTar(entries: readonly TarInput[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = e.link === undefined ? e.data ?? new Uint8Array(0) : new Uint8Array(0);
    parts.push(
      header(e, data.length),
      data,
      new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK),
    );
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
