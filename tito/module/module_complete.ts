import { Command } from "commander";
import { action } from "../command_action.ts";
import { incomplete, milestoneStatus, nextCommand } from "../progress/course_status.ts";
import { bold, command, green, red, say, warn } from "../output.ts";
import { readProgress, updateProgress } from "../progress/progress_store.ts";
import type { ModuleInfo } from "@tinytorch/course";
import { listBackups } from "./backup.ts";
import { moduleLabel, moduleNumbers, openProject, resolveModule } from "../project.ts";
import { checkReference, MANIFEST_PATH } from "../reference/reference_manifest.ts";
import { TitoError } from "../tito_error.ts";
import { testReportLines } from "../test/test_report_view.ts";
import { DEFAULT_TEST_TIMEOUT_S, runModuleTests } from "../test/test_runner.ts";
import { timeoutSeconds } from "../tito_error.ts";

async function referenceRefusal(root: string, module: ModuleInfo): Promise<TitoError> {
  const started = (await listBackups(root)).some((b) => b.module === module.name);
  const n = moduleNumbers(module);
  return new TitoError(
    `Cannot complete ${moduleLabel(module)}: ${module.dir} is the course's reference solution ` +
      `(it matches ${MANIFEST_PATH} file for file), not your work. Nothing was recorded`,
    {
      hint: started
        ? `It was restored from the reference (tito module reset --solution). Write the tasks ` +
          `yourself (${command(`tito module reset ${n}`)} brings back the stubs), then complete.`
        : `Start the module first: ${command(`tito module start ${n}`)} saves the reference and ` +
          `turns the tasks into stubs for you to implement. (Instructors checking the course ` +
          `can record it with --force; it is marked forced and unlocks no milestone.)`,
    },
  );
}

/**
 * `tito module complete <module> [--timeout <s>] [--force]`: runs the module's cases and
 * cross-module tests and records the completion in `.tito/progress.json` only if everything ran
 * and passed; then shows what the learner built, the milestones it unlocked and the next command.
 * A folder that is the course's own reference (see `tito/reference_manifest.json`) is refused:
 * with `--force` it is recorded as forced, and no milestone counts it.
 *
 * @returns The command.
 */
export function moduleCompleteCommand(): Command {
  return new Command("complete")
    .description("test a module and record it as complete if every case passes")
    .argument("<module>", "number or name, e.g. 15 or quantization")
    .option("--timeout <s>", `stop the tests after s seconds (default ${DEFAULT_TEST_TIMEOUT_S})`)
    .option("--force", "record the course's own reference code (instructors; recorded as forced)")
    .action(action(async (ref: string, options: { timeout?: string; force?: boolean }) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_TEST_TIMEOUT_S);
      const project = await openProject();
      const module = resolveModule(project, ref);
      const before = await readProgress(project.root);
      const reference = (await checkReference(project.root, module)).matches;
      if (reference && !options.force) throw await referenceRefusal(project.root, module);
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
          ...(reference ? { forced: true } : {}),
        };
      });
      if (reference) {
        say(
          `Recorded ${moduleLabel(module)} as forced: the folder is the course's reference, so ` +
            `no milestone counts it.`,
        );
        return 0;
      }
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
      say("", `💡 Next: ${command(await nextCommand(project, after))}`);
      return 0;
    }));
}
