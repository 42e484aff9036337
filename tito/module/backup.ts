import type { ModuleInfo } from "@tinytorch/course";
import { copyTree, exists, fileStamp, listTree, sha256Hex } from "../files.ts";

/** Where backups go, relative to the project root. */
export const BACKUP_DIR = ".tito/backups";

/** `backup.json`, the metadata beside each backup's files. */
export interface BackupInfo {
  /** The module's name. */
  readonly module: string;
  /** The folder that was saved, relative to the project root. */
  readonly from: string;
  /** Why: the command that was about to replace the files, e.g. `"module start"`. */
  readonly reason: string;
  /** When (ISO 8601). */
  readonly time: string;
  /** Every saved file, relative to the module folder. */
  readonly files: readonly { path: string; sha256: string; bytes: number }[];
}

/**
 * Copies a module's folder to `.tito/backups/<module>-<timestamp>/` with a `backup.json`.
 *
 * @param root The project root.
 * @param module The module.
 * @param reason Why, e.g. `"module reset --solution"`.
 * @returns The backup folder, relative to the root.
 */
export async function backupModule(
  root: string,
  module: ModuleInfo,
  reason: string,
): Promise<string> {
  const now = new Date();
  let dir = `${BACKUP_DIR}/${module.name}-${fileStamp(now)}`;
  for (let i = 2; await exists(`${root}/${dir}`); i++) {
    dir = `${BACKUP_DIR}/${module.name}-${fileStamp(now)}-${i}`;
  }
  const source = `${root}/${module.dir}`;
  const files = await listTree(source);
  await Deno.mkdir(`${root}/${dir}/files`, { recursive: true });
  await copyTree(source, `${root}/${dir}/files`, files);
  const info: BackupInfo = {
    module: module.name,
    from: module.dir,
    reason,
    time: now.toISOString(),
    files: await Promise.all(files.map(async (path) => {
      const bytes = await Deno.readFile(`${source}/${path}`);
      return { path, sha256: await sha256Hex(bytes), bytes: bytes.length };
    })),
  };
  await Deno.writeTextFile(`${root}/${dir}/backup.json`, JSON.stringify(info, null, 2) + "\n");
  return dir;
}

/**
 * The backups of the project, oldest first.
 *
 * @param root The project root.
 * @returns Each backup's metadata and folder (relative to the root).
 */
export async function listBackups(root: string): Promise<(BackupInfo & { dir: string })[]> {
  const out: (BackupInfo & { dir: string })[] = [];
  try {
    for await (const e of Deno.readDir(`${root}/${BACKUP_DIR}`)) {
      if (!e.isDirectory) continue;
      try {
        const text = await Deno.readTextFile(`${root}/${BACKUP_DIR}/${e.name}/backup.json`);
        out.push({ ...JSON.parse(text), dir: `${BACKUP_DIR}/${e.name}` });
      } catch {
        // not a backup tito wrote
      }
    }
  } catch {
    // no backups yet
  }
  return out.sort((a, b) => a.time.localeCompare(b.time));
}
