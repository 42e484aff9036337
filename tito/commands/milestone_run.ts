import { Command } from "commander";
import { action } from "../command_action.ts";
import { incomplete, nextCommand } from "../course_status.ts";
import { firstLines, loadMilestoneRun } from "../course_code.ts";
import { bold, command, dim, green, progressBar, red, say, table, warn } from "../output.ts";
import { readProgress, updateProgress } from "../progress_store.ts";
import { openProject, resolveMilestone } from "../project.ts";
import { TitoError } from "../tito_error.ts";

/**
 * `tito milestone run <id> [--force]`: runs a milestone on the learner's modules; pass or fail
 * comes from the numbers the run measures; an achievement is recorded with its measurements.
 * Locked until its modules are complete, unless `--force`.
 *
 * @returns The command.
 */
export function milestoneRunCommand(): Command {
  return new Command("run")
    .description("run a milestone on your modules and record it if it passes")
    .argument("<id>", "e.g. 06")
    .option("--force", "run it even though its modules are not complete yet")
    .action(action(async (ref: string, options: { force?: boolean }) => {
      const project = await openProject();
      const m = resolveMilestone(project, ref);
      const progress = await readProgress(project.root);
      const missing = incomplete(m.modules, progress);
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
      const run = await loadMilestoneRun(m);
      let outcome;
      try {
        outcome = await run({
          root: project.root,
          thresholds: m.thresholds,
          log: (line) => say(`   ${line}`),
          progress: (label) => progressBar(`   ${label}`),
        });
      } catch (error) {
        const e = error as Error;
        throw new TitoError(`Milestone ${m.id} stopped: ${e.name}: ${firstLines(e.message)}`, {
          hint: `It runs your ${
            m.modules.join(", ")
          } code; tito test --module <name> shows which task fails.`,
        });
      }
      const rows = outcome.checks.map((c) => [c.ok ? "✅" : "❌", c.name, c.measured, c.wanted]);
      say("", ...table(["", "check", "measured", "pass mark"], rows));
      if (outcome.report) say(`Report: ${outcome.report}`);
      if (!outcome.passed) {
        say("", red(`Not achieved: the measurements above miss a pass mark. Nothing recorded.`));
        return 1;
      }
      const after = await updateProgress(project.root, (p) => {
        p.milestones[m.id] = {
          achievedAt: new Date().toISOString(),
          measurements: missing.length
            ? { ...outcome.measurements, forcedWithIncompleteModules: missing.join(",") }
            : outcome.measurements,
        };
      });
      say("", green(bold(`🏆 Milestone ${m.id} achieved: recorded in .tito/progress.json`)));
      const next = nextCommand(project, after);
      if (next) say(`💡 Next: ${command(next)}`);
      return 0;
    }));
}
