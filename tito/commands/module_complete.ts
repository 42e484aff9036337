import { Command } from "commander";
import { action } from "../command_action.ts";
import { incomplete, milestoneStatus, nextCommand } from "../course_status.ts";
import { bold, command, green, red, say, warn } from "../output.ts";
import { readProgress, updateProgress } from "../progress_store.ts";
import { moduleLabel, openProject, resolveModule } from "../project.ts";
import { testReportLines } from "../test_report_view.ts";
import { DEFAULT_TEST_TIMEOUT_S, runModuleTests } from "../test_runner.ts";
import { timeoutSeconds } from "../tito_error.ts";

/**
 * `tito module complete <module> [--timeout <s>]`: runs the module's cases and cross-module tests and records the
 * completion in `.tito/progress.json` only if everything ran and passed; then shows what the
 * learner built, the milestones it unlocked and the next command.
 *
 * @returns The command.
 */
export function moduleCompleteCommand(): Command {
  return new Command("complete")
    .description("test a module and record it as complete if every case passes")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("--timeout <s>", `stop the tests after s seconds (default ${DEFAULT_TEST_TIMEOUT_S})`)
    .action(action(async (ref: string, options: { timeout?: string }) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_TEST_TIMEOUT_S);
      const project = await openProject();
      const module = resolveModule(project, ref);
      const before = await readProgress(project.root);
      const missing = incomplete(module.prerequisites, before);
      if (missing.length) {
        warn(`${module.name} builds on ${missing.join(", ")}, not complete yet; the tests decide.`);
      }
      const report = await runModuleTests(project, module, { timeoutSeconds: seconds });
      say(...testReportLines(report, module), "");
      if (!report.ok) {
        say(red(`Not recorded: ${moduleLabel(module)} is complete when every case passes.`));
        say(`💡 Fix the failures above, then run ${command(`tito module complete ${ref}`)} again.`);
        return 1;
      }
      const after = await updateProgress(project.root, (p) => {
        p.modules[module.name] = {
          completedAt: new Date().toISOString(),
          tasks: Object.fromEntries(report.tasks.map((t) => [t.id, "passed" as const])),
        };
      });
      say(green(bold(`🎉 ${moduleLabel(module)} complete: recorded in .tito/progress.json`)));
      say("You built:", ...module.tasks.map((t) => `  ✅ ${t.title}`));
      for (const m of project.milestones) {
        const was = milestoneStatus(m, before);
        if ((was === "locked" || was === "forced") && milestoneStatus(m, after) === "ready") {
          say(
            `🔓 Unlocked milestone ${m.id} ${m.title} (${m.year}): ` +
              command(`tito milestone run ${m.id}`),
          );
        }
      }
      const next = nextCommand(project, after);
      say("", next ? `💡 Next: ${command(next)}` : "🏁 That was the last step of the course.");
      return 0;
    }));
}
