import type { ModuleInfo, TaskInfo } from "@tinytorch/course";
import { runDeno } from "./deno_process.ts";
import { exists } from "./files.ts";
import { type JunitCase, parseJunit } from "./junit.ts";
import type { Project } from "./project.ts";
import { referenceDepsCopy } from "./reference_deps.ts";
import { readStreamedRun } from "./test_stream.ts";

/** How long a module's test run may take by default, in seconds (an infinite loop is stopped). */
export const DEFAULT_TEST_TIMEOUT_S = 120;

/** One test's outcome. */
export interface CaseResult {
  /** The test name (`"<task> <case>"` for a case). */
  readonly name: string;
  /** Its outcome. */
  readonly status: "passed" | "failed" | "skipped";
  /** The failure message. */
  readonly message?: string;
  /** The failure is a stub's `NotImplementedError`. */
  readonly notImplemented?: boolean;
}

/** A task's outcome: all its cases. */
export interface TaskResult extends TaskInfo {
  /** `passed`: every case ran and passed; `not-implemented`: every failure is the stub's error. */
  readonly status: "passed" | "failed" | "not-implemented" | "not-run";
  /** Cases that passed. */
  readonly passed: number;
  /** Cases that failed. */
  readonly failed: number;
  /** Every case. */
  readonly cases: CaseResult[];
}

/** What `tito test` found (also its `--json` output). */
export interface TestReport {
  /** The module's name. */
  readonly module: string;
  /** Its course numbers. */
  readonly numbers: readonly number[];
  /** Only this task was run, or `null`. */
  readonly task: string | null;
  /** The test files, relative to the project root. */
  readonly files: string[];
  /** `deno check` of those files: type errors are shown, and the cases run anyway. */
  readonly typeCheck: { readonly ok: boolean; readonly errors: string };
  /** With `--reference-deps`: which prerequisites ran as reference code, which had none. */
  readonly referenceDeps: { readonly used: string[]; readonly missing: string[] } | null;
  /** Why the tests could not run (a syntax error, a failed import, a time-out), or `null`. */
  readonly loadError: string | null;
  /** The run was stopped at its time limit: the limit and the test that was running. */
  readonly timedOut: { readonly seconds: number; readonly test: string | null } | null;
  /** One entry per task, in registry order. */
  readonly tasks: TaskResult[];
  /** The cross-module tests in `tests/<module>_*_test.ts`. */
  readonly crossModule: (CaseResult & { readonly file: string })[];
  /** Everything ran and passed, and the files type-check. */
  readonly ok: boolean;
}

/**
 * The cross-module tests a module takes part in: `tests/<module>_*_test.ts`.
 *
 * @param root The project root.
 * @param module The module.
 * @returns Paths relative to the root, sorted.
 */
export async function crossModuleTests(root: string, module: ModuleInfo): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(`${root}/tests`)) {
      if (e.isFile && e.name.startsWith(`${module.name}_`) && e.name.endsWith("_test.ts")) {
        out.push(`tests/${e.name}`);
      }
    }
  } catch {
    // no tests/ folder
  }
  return out.sort();
}

const NOT_IMPLEMENTED = /NotImplementedError|is not implemented yet/;

function tidy(text: string, dir: string): string {
  return text.replaceAll(`file://${dir}/`, "").replaceAll(`${dir}/`, "")
    .replace(/\n*Stack backtrace:\n(\s+\d+: .*\n?)*/g, "\n")
    .split("\n").filter((l) => !/^(Check|Download) /.test(l)).join("\n").trim();
}

function toCase(c: JunitCase): CaseResult {
  if (c.status !== "failed") return { name: c.name, status: c.status };
  const message = (c.message ?? "").replace(/^Uncaught (\(in promise\) )?/, "");
  return { name: c.name, status: "failed", message, notImplemented: NOT_IMPLEMENTED.test(message) };
}

function taskResult(task: TaskInfo, results: JunitCase[]): TaskResult {
  const cases = results.filter((c) => c.name.startsWith(`${task.id} `)).map(toCase);
  const passed = cases.filter((c) => c.status === "passed").length;
  const failures = cases.filter((c) => c.status === "failed");
  const status = passed === 0 && failures.length === 0
    ? "not-run"
    : failures.length === 0
    ? "passed"
    : failures.every((c) => c.notImplemented)
    ? "not-implemented"
    : "failed";
  return { ...task, status, passed, failed: failures.length, cases };
}

async function runCases(cwd: string, files: string[], filter: string | null, seconds: number) {
  const junit = await Deno.makeTempFile({ prefix: "tito-junit-", suffix: ".xml" });
  try {
    const only = filter ? [`--filter=${filter}`] : [];
    const run = await runDeno(
      ["test", "-A", "--no-check", `--junit-path=${junit}`, ...only, ...files],
      cwd,
      { timeoutMs: seconds * 1000 },
    );
    if (run.timedOut) return { run, ...stopped(run.stdout, seconds), wrote: true };
    const xml = await Deno.readTextFile(junit).catch(() => "");
    return { run, results: parseJunit(xml), wrote: xml.length > 0, timedOut: null };
  } finally {
    await Deno.remove(junit).catch(() => {});
  }
}

/** What a run stopped at its time limit got through, and the test that did not finish. */
function stopped(stdout: string, seconds: number) {
  const { finished, running, file } = readStreamedRun(stdout);
  const where = running
    ? `it was running "${running.name}" (${running.file.replace(/^\.\//, "")})`
    : `it was loading ${file?.replace(/^\.\//, "") ?? "the test files"}`;
  const message = `did not finish in ${seconds} s: an infinite loop? tito stopped it; ${where}`;
  const results: JunitCase[] = running
    ? [...finished, { ...running, status: "failed", message }]
    : finished;
  return { results, timedOut: { seconds, test: running?.name ?? null, message } };
}

/**
 * Runs a module's cases (and its cross-module tests) the way `tito test` does: `deno check` on
 * the test files first (errors are reported, not fatal), then `deno test --no-check
 * --junit-path` and per-case results read from the JUnit report. A run past its time limit is
 * killed and reported with the test it was running (read from the streamed output).
 *
 * @param project The project.
 * @param module The module.
 * @param options One task only; prerequisites from `.tito/reference/`; the time limit of the
 *   test run in seconds (default {@linkcode DEFAULT_TEST_TIMEOUT_S}).
 * @returns The report.
 */
export async function runModuleTests(
  project: Project,
  module: ModuleInfo,
  options: { task?: TaskInfo; referenceDeps?: boolean; timeoutSeconds?: number } = {},
): Promise<TestReport> {
  const files = (await exists(`${project.root}/${module.dir}/cases_test.ts`))
    ? [`${module.dir}/cases_test.ts`]
    : [];
  if (!options.task) files.push(...await crossModuleTests(project.root, module));
  const copy = options.referenceDeps ? await referenceDepsCopy(project, module) : null;
  const cwd = copy?.dir ?? project.root;
  try {
    const check = files.length ? await runDeno(["check", ...files], cwd) : null;
    const errors = check && check.code !== 0 ? tidy(check.stderr + check.stdout, cwd) : "";
    const filter = options.task ? `/^${options.task.id.replaceAll(".", "\\.")} /` : null;
    const seconds = options.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_S;
    const { run, results, wrote, timedOut } = files.length
      ? await runCases(cwd, files, filter, seconds)
      : { run: null, results: [], wrote: false, timedOut: null };
    const ranAll = run !== null && wrote &&
      (run.code === 0 || results.some((c) => c.status === "failed"));
    const loadError = files.length === 0
      ? `${module.dir}/cases_test.ts is missing: there are no cases to run`
      : timedOut
      ? timedOut.message
      : ranAll
      ? null
      : tidy(run!.stderr + run!.stdout, cwd).split("\n").slice(-40).join("\n");
    const tasks = module.tasks.filter((t) => !options.task || t.id === options.task.id)
      .map((t) => taskResult(t, results));
    const crossModule = results
      .filter((c) => !module.tasks.some((t) => c.name.startsWith(`${t.id} `)))
      .map((c) => ({ ...toCase(c), file: c.file.replace(/^\.\//, "") }));
    const ok = !errors && !loadError && tasks.every((t) => t.status === "passed") &&
      crossModule.every((c) => c.status !== "failed");
    return {
      module: module.name,
      numbers: module.numbers,
      task: options.task?.id ?? null,
      files,
      typeCheck: { ok: !errors, errors },
      referenceDeps: copy ? { used: copy.used, missing: copy.missing } : null,
      loadError,
      timedOut: timedOut && { seconds: timedOut.seconds, test: timedOut.test },
      tasks,
      crossModule,
      ok,
    };
  } finally {
    await copy?.remove();
  }
}
