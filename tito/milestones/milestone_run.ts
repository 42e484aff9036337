import { Command } from "commander";
import type { MilestoneInfo } from "@tinytorch/course";
import { action } from "../command_action.ts";
import { incomplete, nextCommand } from "../progress/course_status.ts";
import { firstLines } from "../course_code.ts";
import { DEFAULT_MILESTONE_TIMEOUT_S, runMilestone } from "./milestone_process.ts";
import type { MilestoneOutcome } from "./runner.ts";
import {
  bold,
  command,
  dim,
  green,
  progressBar,
  red,
  say,
  table,
  warn,
  yellow,
} from "../output.ts";
import { readProgress, updateProgress } from "../progress/progress_store.ts";
import { openProject, resolveMilestone } from "../project.ts";
import { timeoutSeconds, TitoError } from "../tito_error.ts";

/** The outcome of the child's run, or the TitoError that says why there is none. */
async function outcomeOf(root: string, m: MilestoneInfo, seconds: number) {
  const result = await runMilestone(root, m, {
    seconds,
    log: (line) => say(`   ${line}`),
    progress: (label) => progressBar(`   ${label}`),
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

/** Records a passing run: a real achievement, or a forced one that is marked as such. */
async function record(
  root: string,
  m: MilestoneInfo,
  outcome: MilestoneOutcome,
  missing: string[],
) {
  return await updateProgress(root, (p) => {
    p.milestones[m.id] = {
      achievedAt: new Date().toISOString(),
      measurements: outcome.measurements,
      ...(missing.length ? { forced: true, incompleteModules: missing } : {}),
    };
  });
}

/**
 * `tito milestone run <id> [--force] [--timeout <s>]`: runs a milestone on the learner's modules
 * in a child process (stopped at the time limit); pass or fail comes from the numbers the run
 * measures; a pass is recorded with its measurements. Locked until its modules are complete,
 * unless `--force`; a forced pass is recorded as forced, never as an achievement.
 *
 * @returns The command.
 */
export function milestoneRunCommand(): Command {
  return new Command("run")
    .description("run a milestone on your modules and record it if it passes")
    .argument("<id>", "e.g. 06")
    .option("--force", "run it even though its modules are not complete yet")
    .option(
      "--timeout <s>",
      `stop the run after s seconds (default ${DEFAULT_MILESTONE_TIMEOUT_S})`,
    )
    .action(action(async (ref: string, options: { force?: boolean; timeout?: string }) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_MILESTONE_TIMEOUT_S);
      const project = await openProject();
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
      if (missing.length) warn(`Running anyway (--force): ${missing.join(", ")} not complete.`);
      say(bold(`🏁 Milestone ${m.id}: ${m.title} (${m.year})`), dim(m.summary), "");
      const outcome = await outcomeOf(project.root, m, seconds);
      const rows = outcome.checks.map((c) => [c.ok ? "✅" : "❌", c.name, c.measured, c.wanted]);
      say("", ...table(["", "check", "measured", "pass mark"], rows));
      if (outcome.report) say(`Report: ${outcome.report}`);
      if (!outcome.passed) {
        say("", red(`Not achieved: the measurements above miss a pass mark. Nothing recorded.`));
        return 1;
      }
      const after = await record(project.root, m, outcome, missing);
      if (missing.length) {
        say("", yellow(bold(`⚠️  Milestone ${m.id} passed, forced: recorded as a forced run`)));
        say(`   ${missing.join(", ")} not complete: complete them and run it again for the 🏆.`);
        return 0;
      }
      say("", green(bold(`🏆 Milestone ${m.id} achieved: recorded in .tito/progress.json`)));
      say(`💡 Next: ${command(await nextCommand(project, after))}`);
      return 0;
    }));
}
