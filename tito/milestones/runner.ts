/**
 * What every milestone run shares: its context, its outcome, and where each run's code is.
 *
 * @module
 */
import type { OnProgress } from "../output.ts";

/** One pass mark of a milestone, measured. */
export interface MilestoneCheck {
  /** What is checked, e.g. `"test accuracy"`. */
  readonly name: string;
  /** What the run measured, formatted. */
  readonly measured: string;
  /** The pass mark, formatted, e.g. `"≥ 94%"`. */
  readonly wanted: string;
  /** Whether the measurement meets the mark. */
  readonly ok: boolean;
}

/** What a milestone run returns. */
export interface MilestoneOutcome {
  /** Every check passed. */
  readonly passed: boolean;
  /** The checks, measured against the registry's thresholds. */
  readonly checks: MilestoneCheck[];
  /** The numbers recorded with the achievement. */
  readonly measurements: Record<string, number | string | boolean>;
  /** A file the run wrote (e.g. an HTML report), relative to the project root. */
  readonly report?: string;
}

/** What tito hands a milestone run. */
export interface MilestoneContext {
  /** The project root (the working directory). */
  readonly root: string;
  /** The milestone's pass marks from the registry. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** Prints a line of the run's story. */
  readonly log: (line: string) => void;
  /** A progress bar for a long step (nothing off a terminal). */
  readonly progress: (label: string) => OnProgress | undefined;
}

/** A milestone's run. */
export type MilestoneRun = (context: MilestoneContext) => Promise<MilestoneOutcome>;

/**
 * What starts each message the milestone child process sends tito on its standard output (an
 * ASCII record separator, which the learner's own printing does not start a line with).
 */
export const MESSAGE_MARK = "\u001etito:";

/**
 * The file of each milestone's run, relative to this folder. Only the milestone's child process
 * (`child.ts`) imports it, so a broken module never stops tito itself.
 */
export const RUN_FILES: Readonly<Record<string, string>> = {
  "01": "./perceptron.ts",
  "03": "./mlp.ts",
  "06": "./mlperf.ts",
  "07": "./ship_it.ts",
};

/**
 * A milestone's pass mark from the registry.
 *
 * @param context The run's context.
 * @param key The threshold's name.
 * @returns Its value.
 * @throws {RangeError} If the registry does not define it.
 */
export function threshold(context: MilestoneContext, key: string): number {
  const value = context.thresholds[key];
  if (typeof value !== "number") {
    throw new RangeError(`Cannot judge the milestone: the registry defines no threshold "${key}"`);
  }
  return value;
}

/**
 * Formats a fraction as a percentage.
 *
 * @param x A fraction.
 * @param digits Decimals.
 * @returns e.g. `"96.20%"`.
 */
export function percent(x: number, digits = 2): string {
  return `${(100 * x).toFixed(digits)}%`;
}

/**
 * A model's description on one line (a Sequential prints one layer per line).
 *
 * @param model Anything with a `toString()`.
 * @returns e.g. `"Sequential( (0): Linear(2, 1) (1): Sigmoid() )"`.
 */
export function oneLine(model: unknown): string {
  return String(model).replace(/\s*\n\s*/g, " ");
}
