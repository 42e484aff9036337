import type { MilestoneInfo } from "@tinytorch/course";
import { incomplete, nextCommand } from "../progress/course_status.ts";
import { firstLines } from "../course_code.ts";
import { DEFAULT_MILESTONE_TIMEOUT_S, runMilestone } from "./milestone_process.ts";
import type { MilestoneOutcome } from "./runner.ts";
import {
  bold,
  command,
  dim,
  green,
  type OnProgress,
  type Out,
  red,
  table,
  yellow,
} from "../output.ts";
import { readProgress, updateProgress } from "../progress/progress_store.ts";
import { type Project, resolveMilestone } from "../project.ts";
import { TitoError } from "../tito_error.ts";

/** What `tito milestone run` measured and recorded. */
export interface MilestoneRunReport {
  /** The milestone. */
  readonly milestone: MilestoneInfo;
  /** Its modules that were not complete (the run was forced). */
  readonly missing: readonly string[];
  /** What the run measured. */
  readonly outcome: MilestoneOutcome;
  /** `no`: a pass mark was missed; `forced`: passed and recorded as forced; `achieved`. */
  readonly recorded: "no" | "forced" | "achieved";
  /** After an achievement, the command to type next (`tito …`); otherwise `null`. */
  readonly next: string | null;
}

/** Options of {@linkcode milestoneRun}. */
export interface MilestoneRunOptions {
  /** Run it even though its modules are not complete. */
  readonly force?: boolean;
  /** The time limit in seconds (default {@linkcode DEFAULT_MILESTONE_TIMEOUT_S}). */
  readonly timeoutSeconds?: number;
  /** Called before the run starts, with the modules that are not complete. */
  readonly onStart?: (milestone: MilestoneInfo, missing: readonly string[]) => void;
  /** Each line of the run's story (and of the learner's own printing). */
  readonly log?: (line: string) => void;
  /** A progress callback for a long step, or `undefined`. */
  readonly progress?: (label: string) => OnProgress | undefined;
}

/** The outcome of the child's run, or the TitoError that says why there is none. */
async function outcomeOf(root: string, m: MilestoneInfo, options: MilestoneRunOptions) {
  const result = await runMilestone(root, m, {
    seconds: options.timeoutSeconds ?? DEFAULT_MILESTONE_TIMEOUT_S,
    log: options.log ?? (() => {}),
    progress: options.progress ?? (() => undefined),
  });
  const hint = `It runs your ${m.modules.join(", ")} code; tito test --module <name> shows ` +
    `which task fails.`;
  if (result.kind === "outcome") return result.outcome;
  if (result.kind === "timed-out") {
    const last = result.lastLog ? ` The last step it reported: "${result.lastLog.trim()}".` : "";
    throw new TitoError(
      `Milestone ${m.id} did not finish in ${result.seconds} s: an infinite loop? tito stopped ` +
        `it and recorded nothing.${last}`,
      {
        hint:
          `${hint} A slow machine may need --timeout <s> (default ${DEFAULT_MILESTONE_TIMEOUT_S}).`,
      },
    );
  }
  if (result.kind === "error") {
    const what = result.stage === "load" ? "could not load" : "stopped";
    throw new TitoError(
      `Milestone ${m.id} ${what}: ${result.name}: ${firstLines(result.message)}`,
      { hint },
    );
  }
  throw new TitoError(
    `Milestone ${m.id} crashed (exit code ${result.code}): ${firstLines(result.stderr.trim())}`,
    { hint },
  );
}

/**
 * `tito milestone run <id> [--force] [--timeout <s>]`: runs a milestone on the learner's modules
 * in a child process (stopped at the time limit); pass or fail comes from the numbers the run
 * measures; a pass is recorded with its measurements. Locked until its modules are complete,
 * unless `force`; a forced pass is recorded as forced, never as an achievement.
 *
 * @param project The project.
 * @param ref The milestone's id or title.
 * @param options `force`, the time limit, and where the run's start, lines and progress go.
 * @returns The report.
 * @throws {TitoError} When no milestone matches, it is locked, or the run fails to finish.
 */
export async function milestoneRun(
  project: Project,
  ref: string,
  options: MilestoneRunOptions = {},
): Promise<MilestoneRunReport> {
  const m = resolveMilestone(project, ref);
  const missing = incomplete(m.modules, await readProgress(project.root));
  if (missing.length && !options.force) {
    throw new TitoError(
      `Milestone ${m.id} ${m.title} is locked: complete ${missing.join(", ")} first`,
      {
        hint: `Run ${command(`tito module complete ${missing[0]}`)}, or ` +
          `${command(`tito milestone run ${m.id} --force`)} to try anyway.`,
      },
    );
  }
  options.onStart?.(m, missing);
  const outcome = await outcomeOf(project.root, m, options);
  const report = { milestone: m, missing, outcome, next: null };
  if (!outcome.passed) return { ...report, recorded: "no" };
  const after = await updateProgress(project.root, (p) => {
    p.milestones[m.id] = {
      achievedAt: new Date().toISOString(),
      measurements: outcome.measurements,
      ...(missing.length ? { forced: true, incompleteModules: missing } : {}),
    };
  });
  if (missing.length) return { ...report, recorded: "forced" };
  return { ...report, recorded: "achieved", next: await nextCommand(project, after) };
}

/**
 * Prints what `tito milestone run` shows before the run: a warning when it is forced, the
 * milestone and its summary.
 *
 * @param m The milestone.
 * @param missing Its modules that are not complete.
 * @param out Where to print.
 */
export function printMilestoneRunStart(
  m: MilestoneInfo,
  missing: readonly string[],
  out: Out,
): void {
  if (missing.length) out.warn(`Running anyway (--force): ${missing.join(", ")} not complete.`);
  out.say(bold(`🏁 Milestone ${m.id}: ${m.title} (${m.year})`), dim(m.summary), "");
}

/**
 * Prints the checks of `tito milestone run` and what was recorded.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printMilestoneRun(report: MilestoneRunReport, out: Out): void {
  const { milestone: m, outcome, missing } = report;
  const rows = outcome.checks.map((c) => [c.ok ? "✅" : "❌", c.name, c.measured, c.wanted]);
  out.say("", ...table(["", "check", "measured", "pass mark"], rows));
  if (outcome.report) out.say(`Report: ${outcome.report}`);
  if (report.recorded === "no") {
    out.say("", red(`Not achieved: the measurements above miss a pass mark. Nothing recorded.`));
  } else if (report.recorded === "forced") {
    out.say("", yellow(bold(`⚠️  Milestone ${m.id} passed, forced: recorded as a forced run`)));
    out.say(`   ${missing.join(", ")} not complete: complete them and run it again for the 🏆.`);
  } else {
    out.say("", green(bold(`🏆 Milestone ${m.id} achieved: recorded in .tito/progress.json`)));
    out.say(`💡 Next: ${command(report.next!)}`);
  }
}
