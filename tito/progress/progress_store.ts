import { exists, fileStamp } from "../files.ts";
import { TitoError } from "../tito_error.ts";

/** The progress file, relative to the project root. */
export const PROGRESS_FILE = ".tito/progress.json";

/** A completed module. */
export interface ModuleProgress {
  /** When `tito module complete` recorded it (ISO 8601). */
  completedAt: string;
  /** Every task of the module and its result then. */
  tasks: Record<string, "passed">;
  /** Recorded with `--force` from the course's own reference: no milestone counts it. */
  forced?: boolean;
}

/** A milestone run that passed. */
export interface MilestoneProgress {
  /** When the run passed (ISO 8601). */
  achievedAt: string;
  /** What the run measured. */
  measurements: Record<string, unknown>;
  /** Run with `--force` while some of its modules were incomplete: not an achievement. */
  forced?: boolean;
  /** With `forced`: the modules that were not complete then. */
  incompleteModules?: string[];
}

/**
 * Whether a recorded milestone run was forced (`--force` with incomplete modules), including
 * records of earlier tito versions that noted it among the measurements.
 *
 * @param record The record.
 * @returns True for a forced run.
 */
export function isForced(record: MilestoneProgress): boolean {
  return record.forced === true || "forcedWithIncompleteModules" in record.measurements;
}

/** `.tito/progress.json`, schema 1: the one record of a learner's progress. */
export interface Progress {
  /** Always 1. */
  schema: 1;
  /** Completed modules by name. */
  modules: Record<string, ModuleProgress>;
  /** Achieved milestones by id. */
  milestones: Record<string, MilestoneProgress>;
}

/**
 * A progress record with nothing done yet.
 *
 * @returns A new empty record.
 */
export function emptyProgress(): Progress {
  return { schema: 1, modules: {}, milestones: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Why a parsed value is not a valid schema-1 progress record.
 *
 * @param value The parsed JSON.
 * @returns The problem, or `null` when it is valid.
 */
export function progressProblem(value: unknown): string | null {
  if (!isRecord(value)) return "it is not a JSON object";
  if (value.schema !== 1) return `its schema is ${JSON.stringify(value.schema)}, not 1`;
  if (!isRecord(value.modules)) return `"modules" is not an object`;
  if (!isRecord(value.milestones)) return `"milestones" is not an object`;
  for (const [name, m] of Object.entries(value.modules)) {
    if (!isRecord(m) || typeof m.completedAt !== "string" || !isRecord(m.tasks)) {
      return `module "${name}" needs "completedAt" (a string) and "tasks" (an object)`;
    }
    if (m.forced !== undefined && typeof m.forced !== "boolean") {
      return `module "${name}" has "forced" ${JSON.stringify(m.forced)}, not true or false`;
    }
  }
  for (const [id, m] of Object.entries(value.milestones)) {
    if (!isRecord(m) || typeof m.achievedAt !== "string" || !isRecord(m.measurements)) {
      return `milestone "${id}" needs "achievedAt" (a string) and "measurements" (an object)`;
    }
    if (m.forced !== undefined && typeof m.forced !== "boolean") {
      return `milestone "${id}" has "forced" ${JSON.stringify(m.forced)}, not true or false`;
    }
  }
  return null;
}

async function moveAside(root: string): Promise<string> {
  let target = `${PROGRESS_FILE}.corrupt-${fileStamp()}`;
  for (let i = 2; await exists(`${root}/${target}`); i++) {
    target = `${PROGRESS_FILE}.corrupt-${fileStamp()}-${i}`;
  }
  await Deno.rename(`${root}/${PROGRESS_FILE}`, `${root}/${target}`);
  return target;
}

/**
 * Reads `.tito/progress.json` (an empty record when there is none yet). A file that cannot be
 * parsed or is not a valid schema-1 record is moved aside to
 * `.tito/progress.json.corrupt-<timestamp>` and reported: progress is never reset silently.
 *
 * @param root The project root.
 * @returns The progress.
 * @throws {TitoError} Naming the file and where it went, when it is corrupt or unreadable.
 */
export async function readProgress(root: string): Promise<Progress> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${root}/${PROGRESS_FILE}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return emptyProgress();
    throw new TitoError(`Cannot read ${PROGRESS_FILE}: ${(error as Error).message}`, {
      hint: "Check the file's permissions; tito has not changed it.",
    });
  }
  let problem: string | null;
  let value: unknown;
  try {
    value = JSON.parse(text);
    problem = progressProblem(value);
  } catch (error) {
    problem = `it is not valid JSON (${(error as Error).message})`;
  }
  if (problem === null) return value as Progress;
  if (isRecord(value) && typeof value.schema === "number" && value.schema > 1) {
    throw new TitoError(
      `Cannot read ${PROGRESS_FILE}: it has schema ${value.schema}, written by a newer tito`,
      { hint: "Update your project (git pull); tito has not changed the file." },
    );
  }
  const aside = await moveAside(root);
  throw new TitoError(
    `Cannot read ${PROGRESS_FILE}: ${problem}. It was moved to ${aside}, so nothing is lost`,
    {
      hint: `Your next tito command starts a new ${PROGRESS_FILE}. To keep your old record, ` +
        `fix the JSON in ${aside} and move it back (mv ${aside} ${PROGRESS_FILE}).`,
    },
  );
}

/**
 * Writes `.tito/progress.json` atomically: a temporary file in `.tito/`, then a rename, so a
 * crash never leaves half a file.
 *
 * @param root The project root.
 * @param progress The record.
 */
export async function writeProgress(root: string, progress: Progress): Promise<void> {
  await Deno.mkdir(`${root}/.tito`, { recursive: true });
  const temp = `${root}/${PROGRESS_FILE}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeTextFile(temp, JSON.stringify(progress, null, 2) + "\n");
    await Deno.rename(temp, `${root}/${PROGRESS_FILE}`);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/**
 * Reads, changes and writes the progress record.
 *
 * @param root The project root.
 * @param change Mutates the record.
 * @returns The record as written.
 */
export async function updateProgress(
  root: string,
  change: (progress: Progress) => void,
): Promise<Progress> {
  const progress = await readProgress(root);
  change(progress);
  await writeProgress(root, progress);
  return progress;
}
