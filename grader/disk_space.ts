import { statfs } from "node:fs/promises";
import { formatBytes } from "./sandbox/limits.ts";

/** The free space the grader wants before it starts a submission: its sandbox and outputs. */
export const MIN_FREE_BYTES = 256 * 1024 * 1024;

/**
 * The bytes an unprivileged process may still write on the file system that holds `path`.
 *
 * @param path Any existing path.
 * @returns Free bytes (`bavail × bsize`).
 */
export async function freeBytes(path: string): Promise<number> {
  const s = await statfs(path);
  return s.bavail * s.bsize;
}

/**
 * Why there is not room to grade one more submission, or `undefined` if there is: the first of
 * `paths` whose file system has less than `min` bytes free.
 *
 * @param paths The output folder and the temporary folder.
 * @param min The least free space wanted.
 * @returns A sentence naming the path, its free space and the minimum.
 */
export async function diskShortage(
  paths: readonly string[],
  min: number = MIN_FREE_BYTES,
): Promise<string | undefined> {
  for (const path of paths) {
    const free = await freeBytes(path);
    if (free < min) {
      return `only ${formatBytes(free)} free on ${path}, less than the ${formatBytes(min)} ` +
        `grading needs`;
    }
  }
  return undefined;
}
