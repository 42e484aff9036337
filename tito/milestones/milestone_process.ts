import type { MilestoneInfo } from "@tinytorch/course";
import { runDeno } from "../deno_process.ts";
import { MESSAGE_MARK, type MilestoneOutcome } from "./runner.ts";
import type { OnProgress } from "../output.ts";

/** A milestone's run time limit by default, in seconds (milestone 06 takes seconds). */
export const DEFAULT_MILESTONE_TIMEOUT_S = 300;

/** How a milestone's child process ended. */
export type MilestoneResult =
  | { readonly kind: "outcome"; readonly outcome: MilestoneOutcome }
  | { readonly kind: "error"; readonly name: string; readonly message: string; stage: string }
  | { readonly kind: "timed-out"; readonly seconds: number; readonly lastLog: string | null }
  | { readonly kind: "crashed"; readonly code: number; readonly stderr: string };

/** Options of {@linkcode runMilestone}. */
export interface RunMilestoneOptions {
  /** The time limit in seconds. */
  readonly seconds: number;
  /** Prints a line of the run's story (or of the learner's own printing). */
  readonly log: (line: string) => void;
  /** A progress bar for a long step, or `undefined` off a terminal. */
  readonly progress: (label: string) => OnProgress | undefined;
}

/**
 * Runs a milestone in a child Deno (`milestones/child.ts`) with the project's `deno.json`, so
 * its modules are the project's, and stops it (SIGKILL) when it runs past the time limit.
 *
 * @param root The project root.
 * @param milestone The milestone.
 * @param options The time limit, and where the run's lines and progress go.
 * @returns The outcome, the error the run threw, or that it timed out or crashed.
 */
export async function runMilestone(
  root: string,
  milestone: MilestoneInfo,
  options: RunMilestoneOptions,
): Promise<MilestoneResult> {
  const child = new URL("./child.ts", import.meta.url).pathname;
  const bars = new Map<string, OnProgress | undefined>();
  let result: MilestoneResult | undefined;
  let lastLog: string | null = null;
  const onLine = (line: string) => {
    if (!line.startsWith(MESSAGE_MARK)) return options.log(line);
    const message = JSON.parse(line.slice(MESSAGE_MARK.length));
    if ("log" in message) {
      lastLog = message.log;
      options.log(message.log);
    } else if ("progress" in message) {
      const [label, done, total] = message.progress;
      if (!bars.has(label)) bars.set(label, options.progress(label));
      bars.get(label)?.(done, total);
    } else if ("outcome" in message) result = { kind: "outcome", outcome: message.outcome };
    else if ("error" in message) result = { kind: "error", ...message.error };
  };
  const tty = Deno.stdout.isTerminal() ? ["--progress"] : [];
  const args = [milestone.id, JSON.stringify(milestone.thresholds), ...tty];
  const run = await runDeno(
    ["run", "-A", "--config", `${root}/deno.json`, child, ...args],
    root,
    { timeoutMs: options.seconds * 1000, onLine },
  );
  if (run.timedOut) return { kind: "timed-out", seconds: options.seconds, lastLog };
  return result ?? { kind: "crashed", code: run.code, stderr: run.stderr };
}
