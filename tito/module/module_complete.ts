import type { MilestoneInfo, ModuleInfo } from "@tinytorch/course";
import { incomplete, milestoneStatus, nextCommand } from "../progress/course_status.ts";
import { bold, command, green, type Out, red } from "../output.ts";
import { type Progress, readProgress, updateProgress } from "../progress/progress_store.ts";
import { listBackups } from "./backup.ts";
import { moduleLabel, moduleNumbers, type Project, resolveModule } from "../project.ts";
import { checkReference, MANIFEST_PATH } from "../reference/reference_manifest.ts";
import { TitoError } from "../tito_error.ts";
import { testReportLines } from "../test/test_report_view.ts";
import { DEFAULT_TEST_TIMEOUT_S, runModuleTests, type TestReport } from "../test/test_runner.ts";

/** What `tito module complete` found and recorded. */
export interface ModuleCompleteReport {
  /** The module. */
  readonly module: ModuleInfo;
  /** Its prerequisites that are not complete yet (the tests decide). */
  readonly missingPrerequisites: readonly string[];
  /** The run of its cases and cross-module tests. */
  readonly tests: TestReport;
  /**
   * `no`: a test failed or did not run, nothing was recorded; `forced`: the course's reference,
   * recorded as forced (`--force`); `complete`: recorded.
   */
  readonly recorded: "no" | "forced" | "complete";
  /** The milestones the completion unlocked. */
  readonly unlocked: readonly MilestoneInfo[];
  /** The command to type next (`tito …`): again after a fix, or the next step; `null` if forced. */
  readonly next: string | null;
}

/** Options of {@linkcode moduleComplete}. */
export interface ModuleCompleteOptions {
  /** The limit of the test run, in seconds (default {@linkcode DEFAULT_TEST_TIMEOUT_S}). */
  readonly timeoutSeconds?: number;
  /** Record the course's own reference code (recorded as forced). */
  readonly force?: boolean;
  /** Called before the tests run, with warnings (prerequisites not complete yet). */
  readonly onWarning?: (text: string) => void;
}

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

function unlockedBy(project: Project, before: Progress, after: Progress): MilestoneInfo[] {
  return project.milestones.filter((m) => {
    const was = milestoneStatus(m, before);
    return (was === "locked" || was === "forced") && milestoneStatus(m, after) === "ready";
  });
}

/**
 * `tito module complete <module> [--timeout <s>] [--force]`: runs the module's cases and
 * cross-module tests and records the completion in `.tito/progress.json` only if everything ran
 * and passed, with the milestones it unlocked and the next command. A folder that is the
 * course's own reference (see `tito/reference_manifest.json`) is refused: with `force` it is
 * recorded as forced, and no milestone counts it.
 *
 * @param project The project.
 * @param ref The module's number or name (the retry command repeats it as typed).
 * @param options The time limit; `force`; `onWarning`.
 * @returns The report.
 * @throws {TitoError} When no module matches, or the folder is the reference without `force`.
 */
export async function moduleComplete(
  project: Project,
  ref: string,
  options: ModuleCompleteOptions = {},
): Promise<ModuleCompleteReport> {
  const module = resolveModule(project, ref);
  const before = await readProgress(project.root);
  const reference = (await checkReference(project.root, module)).matches;
  if (reference && !options.force) throw await referenceRefusal(project.root, module);
  const missing = incomplete(module.prerequisites, before);
  if (missing.length) {
    options.onWarning?.(
      `${module.name} builds on ${missing.join(", ")}, not complete yet; the tests decide.`,
    );
  }
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_S;
  const tests = await runModuleTests(project, module, { timeoutSeconds });
  const report = { module, missingPrerequisites: missing, tests, unlocked: [] };
  if (!tests.ok) return { ...report, recorded: "no", next: `tito module complete ${ref}` };
  const after = await updateProgress(project.root, (p) => {
    p.modules[module.name] = {
      completedAt: new Date().toISOString(),
      tasks: Object.fromEntries(tests.tasks.map((t) => [t.id, "passed" as const])),
      ...(reference ? { forced: true } : {}),
    };
  });
  if (reference) return { ...report, recorded: "forced", next: null };
  return {
    ...report,
    recorded: "complete",
    unlocked: unlockedBy(project, before, after),
    next: await nextCommand(project, after),
  };
}

/**
 * Prints `tito module complete`: the test report, then what was recorded, what the learner
 * built, the milestones unlocked and the next command.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printModuleComplete(report: ModuleCompleteReport, out: Out): void {
  const { module } = report;
  out.say(...testReportLines(report.tests, module), "");
  if (report.recorded === "no") {
    out.say(red(`Not recorded: ${moduleLabel(module)} is complete when every case passes.`));
    out.say(`💡 Fix the failures above, then run ${command(report.next!)} again.`);
    return;
  }
  if (report.recorded === "forced") {
    out.say(
      `Recorded ${moduleLabel(module)} as forced: the folder is the course's reference, so ` +
        `no milestone counts it.`,
    );
    return;
  }
  out.say(green(bold(`🎉 ${moduleLabel(module)} complete: recorded in .tito/progress.json`)));
  out.say("You built:", ...module.tasks.map((t) => `  ✅ ${t.title}`));
  for (const m of report.unlocked) {
    out.say(
      `🔓 Unlocked milestone ${m.id} ${m.title} (${m.year}): ` +
        command(`tito milestone run ${m.id}`),
    );
  }
  out.say("", `💡 Next: ${command(report.next!)}`);
}
