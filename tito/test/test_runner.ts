import { CASE_TIMEOUT_MS, type ModuleInfo, type TaskInfo } from "@tinytorch/course";
import { type CommandResult, runDeno } from "../deno_process.ts";
import { type CaseLocation, caseLocations } from "./case_locations.ts";
import { exists } from "../files.ts";
import { type JunitCase, parseJunit } from "../junit.ts";
import type { Project } from "../project.ts";
import { referenceDepsCopy } from "../reference/reference_deps.ts";
import { testFilter } from "./test_filter.ts";
import { readStreamedRun } from "./test_stream.ts";

/**
 * How long one `deno test` run of a module (loading included) may take by default, in seconds:
 * a module that never finishes loading is stopped.
 */
export const DEFAULT_TEST_TIMEOUT_S = 120;

/** How long one case may run by default, in seconds: the grader's limit. */
export const DEFAULT_CASE_TIMEOUT_S: number = CASE_TIMEOUT_MS / 1000;

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
  /** The case ran past the per-case limit and was stopped (the other cases ran). */
  readonly timedOut?: boolean;
  /** Where the case is defined, `modules/<m>/cases/<file>.ts:<line>` (a test: its file:line). */
  readonly location?: string;
  /** The source of the case's `run`, on one line. */
  readonly run?: string;
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
  /** `deno check` of those files: type errors are shown, the cases run anyway, nothing fails. */
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
  /** Everything ran and passed (type errors do not count, as in grading). */
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
/** How the message of a test stopped at a time limit starts. */
const TIMED_OUT = "did not finish in ";

function tidy(text: string, dir: string): string {
  return text.replaceAll(`file://${dir}/`, "").replaceAll(`${dir}/`, "")
    .replace(/\n*Stack backtrace:\n(\s+\d+: .*\n?)*/g, "\n")
    .split("\n").filter((l) => !/^(Check|Download) |^error: Type checking failed\.$/.test(l))
    .join("\n").trim();
}

function toCase(c: JunitCase): CaseResult {
  if (c.status !== "failed") return { name: c.name, status: c.status };
  const message = (c.message ?? "").replace(/^Uncaught (\(in promise\) )?/, "");
  const timedOut = message.startsWith(TIMED_OUT) ? { timedOut: true } : {};
  return {
    name: c.name,
    status: "failed",
    message,
    notImplemented: NOT_IMPLEMENTED.test(message),
    ...timedOut,
  };
}

function taskResult(
  task: TaskInfo,
  results: JunitCase[],
  where: Map<string, CaseLocation>,
): TaskResult {
  const cases = results.filter((c) => c.name.startsWith(`${task.id} `)).map((c) => {
    const at = where.get(c.name);
    return { ...toCase(c), ...(at && { location: at.location }), ...(at?.run && { run: at.run }) };
  });
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

interface CasesRun {
  /** The last `deno test` run. */
  readonly run: CommandResult;
  /** Every test, in report order. */
  readonly results: JunitCase[];
  /** The JUnit report was written (the run ended by itself). */
  readonly wrote: boolean;
  /** The whole run was stopped at its limit. */
  readonly timedOut: { seconds: number; test: string | null; message: string } | null;
}

interface Limits {
  /** One `deno test` run, loading included. */
  readonly runSeconds: number;
  /** One case. */
  readonly caseSeconds: number;
}

/** The failure of a case stopped at the per-case limit. */
function caseTimedOut(seconds: number): string {
  const limit = seconds === DEFAULT_CASE_TIMEOUT_S
    ? "the limit per case, as in grading"
    : `--timeout; grading allows ${DEFAULT_CASE_TIMEOUT_S} s`;
  return `did not finish in ${seconds} s (${limit}): an infinite loop, or too slow? ` +
    "tito stopped it and ran the other cases";
}

/**
 * Runs the tests; a case that runs past the per-case limit is stopped (the whole run is killed)
 * and the run starts again without it, so every other case still gets its result, as in grading.
 */
async function runCases(
  cwd: string,
  files: string[],
  prefix: string | null,
  limits: Limits,
): Promise<CasesRun> {
  const hung: JunitCase[] = [];
  while (true) {
    const except = hung.map((c) => c.name);
    const filter = prefix === null && except.length === 0 ? null : testFilter(prefix ?? "", except);
    const once = await runOnce(cwd, files, filter, limits);
    if ("hung" in once) {
      hung.push({ ...once.hung, status: "failed", message: caseTimedOut(limits.caseSeconds) });
      continue;
    }
    // Filtered-out tests are listed as skipped: put the stopped cases back in their place.
    const results = once.results.map((c) => hung.find((h) => h.name === c.name) ?? c);
    results.push(...hung.filter((h) => !results.includes(h)));
    return { ...once, results };
  }
}

async function runOnce(
  cwd: string,
  files: string[],
  filter: string | null,
  limits: Limits,
): Promise<CasesRun | { hung: { name: string; file: string } }> {
  const junit = await Deno.makeTempFile({ prefix: "tito-junit-", suffix: ".xml" });
  const stop = new AbortController();
  let hung: { name: string; file: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stdout = "";
  let running: { name: string; file: string } | null = null;
  const onOutput = (text: string) => {
    stdout += text;
    const now = readStreamedRun(stdout).running;
    if (now?.name === running?.name) return;
    running = now;
    clearTimeout(timer);
    if (now) {
      timer = setTimeout(() => {
        hung = now;
        stop.abort();
      }, limits.caseSeconds * 1000);
    }
  };
  try {
    const only = filter ? [`--filter=${filter}`] : [];
    const run = await runDeno(
      ["test", "-A", "--no-check", `--junit-path=${junit}`, ...only, ...files],
      cwd,
      { timeoutMs: limits.runSeconds * 1000, signal: stop.signal, onOutput },
    );
    if (hung) return { hung };
    if (run.timedOut) return { run, ...stopped(run.stdout, limits.runSeconds), wrote: true };
    const xml = await Deno.readTextFile(junit).catch(() => "");
    return { run, results: parseJunit(xml), wrote: xml.length > 0, timedOut: null };
  } finally {
    clearTimeout(timer);
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
 * the test files first (errors are reported, not fatal: grading scores the cases of code with
 * type errors too), then `deno test --no-check --junit-path` and per-case results read from the
 * JUnit report. A case past the per-case limit (the grader's) fails and the others still run; a
 * run past its time limit is killed and reported with the test it was running (both read from
 * the streamed output).
 *
 * @param project The project.
 * @param module The module.
 * @param options One task only; prerequisites from `.tito/reference/`; the time limit of one
 *   test run in seconds (default {@linkcode DEFAULT_TEST_TIMEOUT_S}); the limit of one case in
 *   seconds (default {@linkcode DEFAULT_CASE_TIMEOUT_S}).
 * @returns The report.
 */
export async function runModuleTests(
  project: Project,
  module: ModuleInfo,
  options: {
    task?: TaskInfo;
    referenceDeps?: boolean;
    timeoutSeconds?: number;
    caseTimeoutSeconds?: number;
  } = {},
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
    const limits = {
      runSeconds: options.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_S,
      caseSeconds: options.caseTimeoutSeconds ?? DEFAULT_CASE_TIMEOUT_S,
    };
    const { run, results, wrote, timedOut } = files.length
      ? await runCases(cwd, files, options.task ? `${options.task.id} ` : null, limits)
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
    const where = await caseLocations(project.root, module.dir, results.map((c) => c.name));
    const tasks = module.tasks.filter((t) => !options.task || t.id === options.task.id)
      .map((t) => taskResult(t, results, where));
    const crossModule = results
      .filter((c) => !module.tasks.some((t) => c.name.startsWith(`${t.id} `)))
      .map((c) => {
        const file = c.file.replace(/^\.\//, "");
        return { ...toCase(c), file, ...(c.line ? { location: `${file}:${c.line}` } : {}) };
      });
    const ok = !loadError && tasks.every((t) => t.status === "passed") &&
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
