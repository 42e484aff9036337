import {
  ARCHIVE_LIMITS,
  type ArchiveEntry,
  ArchiveError,
  type ArchiveLimits,
  inflateCapped,
} from "./archive.ts";
import { formatBytes } from "../sandbox/limits.ts";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ArchiveError("Cannot read the zip file: no end-of-directory record");
}

function entryType(madeBy: number, external: number, name: string): ArchiveEntry["type"] {
  if ((madeBy >> 8) === 3) {
    const mode = (external >>> 16) & 0o170000;
    if (mode === 0o120000) return "symlink";
    if (mode === 0o040000) return "directory";
    if (mode !== 0o100000 && mode !== 0) return "other";
  }
  return name.endsWith("/") || (external & 0x10) !== 0 ? "directory" : "file";
}

interface Central {
  readonly name: string;
  readonly type: ArchiveEntry["type"];
  readonly flags: number;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
  readonly next: number;
}

function central(bytes: Uint8Array, view: DataView, at: number): Central {
  if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) {
    throw new ArchiveError("Cannot read the zip file: its directory is corrupt");
  }
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
  return {
    name,
    type: entryType(view.getUint16(at + 4, true), view.getUint32(at + 38, true), name),
    flags: view.getUint16(at + 8, true),
    method: view.getUint16(at + 10, true),
    compressed: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    offset: view.getUint32(at + 42, true),
    next: at + 46 + nameLength + extraLength + commentLength,
  };
}

function content(bytes: Uint8Array, view: DataView, c: Central, budget: number): Uint8Array {
  if (c.flags & 1) throw new ArchiveError(`Cannot read the zip file: "${c.name}" is encrypted`);
  if (c.offset + 30 > bytes.length || view.getUint32(c.offset, true) !== LOCAL) {
    throw new ArchiveError(`Cannot read the zip file: "${c.name}" has no local header`);
  }
  const start = c.offset + 30 + view.getUint16(c.offset + 26, true) +
    view.getUint16(c.offset + 28, true);
  const raw = bytes.subarray(start, start + c.compressed);
  if (raw.length !== c.compressed) {
    throw new ArchiveError(`Cannot read the zip file: "${c.name}" is truncated`);
  }
  if (c.method === 0) return raw.slice();
  if (c.method !== 8) {
    throw new ArchiveError(`Cannot read the zip file: "${c.name}" uses compression ${c.method}`);
  }
  const data = inflateCapped(raw, Math.min(budget, c.size));
  if (data.length !== c.size) {
    throw new ArchiveError(`Cannot read the zip file: "${c.name}" has the wrong size`);
  }
  return data;
}

/**
 * Reads a zip archive, with each entry's type from its Unix mode (so symbolic links are seen,
 * which fflate's `unzipSync` does not report). ZIP64 and encrypted archives are refused.
 *
 * @param bytes The `.zip` file.
 * @param limits Size and entry caps.
 * @returns The entries in directory order (links have no data).
 * @throws {ArchiveError} If the archive is corrupt, too large or unsupported.
 */
export function readZip(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveEntry[] {
  if (bytes.length < 22) throw new ArchiveError("Cannot read the zip file: it is too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    throw new ArchiveError("Cannot read the zip file: ZIP64 archives are not supported");
  }
  if (count > limits.maxEntries) {
    throw new ArchiveError(
      `Cannot read the zip file: it has more than ${limits.maxEntries} entries`,
    );
  }
  const entries: ArchiveEntry[] = [];
  let budget = limits.maxBytes;
  for (let i = 0; i < count; i++) {
    const c = central(bytes, view, at);
    at = c.next;
    if (c.type !== "file") {
      entries.push({ path: c.name, type: c.type, data: new Uint8Array(0) });
      continue;
    }
    if (c.size > limits.maxFileBytes) {
      throw new ArchiveError(
        `Cannot read the zip file: "${c.name}" expands to ${formatBytes(c.size)}, more than the ${
          formatBytes(limits.maxFileBytes)
        } a file may hold`,
      );
    }
    if (c.size > budget) {
      throw new ArchiveError(
        `Cannot read the zip file: it expands beyond ${formatBytes(limits.maxBytes)}`,
      );
    }
    const data = content(bytes, view, c, budget);
    budget -= data.length;
    entries.push({ path: c.name, type: "file", data });
  }
  return entries;
}
