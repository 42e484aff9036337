import { Gunzip, Inflate } from "fflate";
import { formatBytes } from "../sandbox/limits.ts";

/** One entry of an archive. */
export interface ArchiveEntry {
  /** The path as stored (not yet validated). */
  readonly path: string;
  /** What it is; links and devices are never extracted. */
  readonly type: "file" | "directory" | "symlink" | "hardlink" | "other";
  /** The content of a file. */
  readonly data: Uint8Array;
}

/** Limits on what an archive may expand to. */
export interface ArchiveLimits {
  /** Total uncompressed bytes. */
  readonly maxBytes: number;
  /** Uncompressed bytes of any one file. */
  readonly maxFileBytes: number;
  /** Number of entries. */
  readonly maxEntries: number;
}

/**
 * 64 MiB in all, 16 MiB per file and 5,000 entries, for archives and folders alike: far above a
 * module's sources, far below a decompression bomb.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxFileBytes: 16 * 1024 * 1024,
  maxEntries: 5000,
};

/** An archive that cannot be read safely. */
export class ArchiveError extends Error {
  /**
   * Creates the error.
   *
   * @param message What is wrong, e.g. `Cannot read the archive: it holds a symbolic link "a"`.
   */
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}

type Stream = {
  ondata: (chunk: Uint8Array, final: boolean) => void;
  push(c: Uint8Array, f?: boolean): void;
};

function expand(stream: Stream, data: Uint8Array, maxBytes: number, what: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  stream.ondata = (chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      throw new ArchiveError(`Cannot read ${what}: it expands beyond ${formatBytes(maxBytes)}`);
    }
    chunks.push(chunk.slice());
  };
  const step = 64 * 1024;
  try {
    for (let at = 0; at < data.length; at += step) {
      stream.push(data.subarray(at, at + step), at + step >= data.length);
    }
    if (data.length === 0) stream.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(
      `Cannot read ${what}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Decompresses raw DEFLATE data, stopping at a size cap.
 *
 * @param data Compressed bytes.
 * @param maxBytes The most it may expand to.
 * @returns The data.
 * @throws {ArchiveError} If it is corrupt or too large.
 */
export function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  return expand(new Inflate() as unknown as Stream, data, maxBytes, "a compressed file");
}

/**
 * Decompresses gzip data, stopping at a size cap.
 *
 * @param data A `.gz` file.
 * @param maxBytes The most it may expand to.
 * @returns The data.
 * @throws {ArchiveError} If it is corrupt or too large.
 */
export function gunzipCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  return expand(new Gunzip() as unknown as Stream, data, maxBytes, "the gzip file");
}
