import type { ModuleInfo } from "@tinytorch/course";
import { bold, command, dim, type Out, table } from "../output.ts";
import { moduleLabel, moduleNumbers, type Project, resolveModule } from "../project.ts";
import { checkReference } from "../reference/reference_manifest.ts";
import { runModuleTests, type TestReport } from "../test/test_runner.ts";

/** What `tito module status <module>` shows: each task from a run of the module's cases. */
export interface ModuleStatusReport {
  /** The module. */
  readonly module: ModuleInfo;
  /** The run of its cases. */
  readonly tests: TestReport;
  /** Points of the tasks that pass. */
  readonly earned: number;
  /** Points of all its tasks. */
  readonly total: number;
  /** The command to type next (spelled `tito …`). */
  readonly next: string;
}

/**
 * `tito module status <module>`: runs the module's cases and reports each task (done, failing,
 * stub) with its points, and the next command: `module start` while the folder is the course's
 * reference, else a test of the first task that does not pass, else `module complete`.
 *
 * @param project The project.
 * @param ref The module's number or name.
 * @param options `onStart`: called with the module before its cases run.
 * @returns The report.
 * @throws {TitoError} When no module matches `ref`.
 */
export async function moduleStatus(
  project: Project,
  ref: string,
  options: { onStart?: (module: ModuleInfo) => void } = {},
): Promise<ModuleStatusReport> {
  const module = resolveModule(project, ref);
  options.onStart?.(module);
  const tests = await runModuleTests(project, module);
  const points = (ts: readonly { points: number }[]) => ts.reduce((a, t) => a + t.points, 0);
  const open = tests.tasks.find((t) => t.status !== "passed");
  const n = moduleNumbers(module);
  const reference = (await checkReference(project.root, module)).matches;
  const next = reference
    ? `tito module start ${n}`
    : open
    ? `tito test --module ${n} --task ${open.id.split(".")[1]}`
    : `tito module complete ${n}`;
  return {
    module,
    tests,
    earned: points(tests.tasks.filter((t) => t.status === "passed")),
    total: points(tests.tasks),
    next,
  };
}

/**
 * The heading `tito module status <module>` prints before the cases run.
 *
 * @param module The module.
 * @param out Where to print.
 */
export function printModuleStatusHeading(module: ModuleInfo, out: Out): void {
  out.say(bold(`${moduleLabel(module)}: ${module.title}`), dim("running its cases…"), "");
}

const TASK_ICON = {
  "passed": "✅ done",
  "failed": "❌ failing",
  "not-implemented": "🧱 stub",
  "not-run": "⏸️  not run",
} as const;

/**
 * Prints the tasks of `tito module status <module>`, their points and the next command.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printModuleStatus(report: ModuleStatusReport, out: Out): void {
  const rows = report.tests.tasks.map((t) => {
    const first = t.cases.find((c) => c.status === "failed" && !c.notImplemented)?.message;
    const note = t.status === "failed" && first ? dim(first.split("\n")[0].slice(0, 60)) : "";
    return [t.id, t.title, `${TASK_ICON[t.status]}`, `${t.points} pts`, note];
  });
  out.say(...table(["task", "title", "status", "points", "first failure"], rows, [3]));
  out.say(
    "",
    `${report.earned} of ${report.total} points pass locally (the grader adds hidden cases).`,
  );
  if (report.tests.loadError) out.say(`❌ ${report.tests.loadError.split("\n")[0]}`);
  out.say("", `💡 Next: ${command(report.next)}`);
}
