import type { Isolation, IsolationMode } from "./sandbox/os_isolation.ts";
import { tmpdir } from "node:os";
import type { ModuleInfo } from "@tinytorch/course";
import { readStored, writeClass, writeStudent } from "./report/class_outputs.ts";
import { diskShortage } from "./disk_space.ts";
import { gradeSubmission } from "./grade_submission.ts";
import { type GradingContext, prepareGrading } from "./grading_context.ts";
import { listSubmissions, readSubmission, type SubmissionSource } from "./intake/intake.ts";
import { isWithin } from "./paths.ts";
import type { Limits } from "./sandbox/limits.ts";
import type { SubmissionResult } from "./result.ts";
import { scoreTasks } from "./score.ts";

/** Options of {@linkcode autograde}. */
export interface AutogradeOptions {
  /** The trusted repository. */
  readonly root: string;
  /** A module name or number. */
  readonly module: string;
  /** The folder of submissions. */
  readonly submissions: string;
  /** The output folder. */
  readonly out: string;
  /** Submissions graded at once; default the number of cores. */
  readonly jobs?: number;
  /** Limits per submission. */
  readonly limits?: Partial<Limits>;
  /** Grade only this student; the class outputs still cover every submission. */
  readonly only?: string;
  /** Re-grade students that already have a result. */
  readonly force?: boolean;
  /** Type-check submissions (feedback only); default `true`. */
  readonly typeCheck?: boolean;
  /** `os` or `process`; default `os` where bubblewrap runs, else `process` with a warning. */
  readonly isolation?: IsolationMode;
  /** The course registry. */
  readonly modules?: readonly ModuleInfo[];
  /** Stops grading: running submissions are recorded as `interrupted`. */
  readonly signal?: AbortSignal;
  /**
   * The least free space, in bytes, on the output and temporary folders before a submission is
   * started; below it grading stops and stored results are kept. Default 256 MiB.
   */
  readonly minFreeBytes?: number;
  /** Called when a submission is finished, skipped or interrupted. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** One step of the class's progress. */
export interface ProgressEvent {
  /** Submissions finished (graded or skipped) so far. */
  readonly done: number;
  /** Submissions in the run (1 with `only`). */
  readonly total: number;
  /** The one that just finished. */
  readonly result: SubmissionResult;
  /** Whether it was skipped because an earlier run had finished it. */
  readonly skipped: boolean;
}

/** The outcome of {@linkcode autograde}. */
export interface ClassReport {
  /** The module. */
  readonly module: ModuleInfo;
  /**
   * One result per submission that has one, in submission order: this run's, or the stored one
   * (all of the class with `only`). These are what `grades.csv` and `report.html` hold.
   */
  readonly results: readonly SubmissionResult[];
  /** How many were graded in this run. */
  readonly graded: number;
  /** How many were skipped (finished earlier). */
  readonly skipped: number;
  /** Stored results in `results` that an earlier grading setup produced (e.g. with `only`). */
  readonly stale: number;
  /** Whether the run was interrupted. */
  readonly interrupted: boolean;
  /** How the children were isolated, with a warning when weaker than `os` with cgroups. */
  readonly isolation: Isolation;
  /** Why grading stopped early for want of disk space, if it did. */
  readonly diskFull?: string;
}

function unfinished(
  ctx: GradingContext,
  student: string,
  fingerprint: string,
  error?: unknown,
): SubmissionResult {
  const why = error === undefined
    ? "grading was interrupted"
    : `the grader failed: ${error instanceof Error ? error.message : String(error)}`;
  const cases = ctx.catalog.entries.map((e) => ({
    task: e.task,
    name: e.name,
    hidden: e.hidden,
    passed: false,
    kind: "crashed" as const,
    message: why,
  }));
  const { tasks, maxScore } = scoreTasks(ctx.catalog.module, cases);
  return {
    schema: 1,
    student,
    module: ctx.catalog.module.name,
    status: error === undefined ? "interrupted" : "grader-error",
    score: 0,
    maxScore,
    tasks,
    cases,
    notes: [`Not graded: ${why}. Run autograde again to grade this submission.`],
    fingerprint,
    setup: ctx.setup,
    gradedAt: new Date().toISOString(),
    seconds: 0,
  };
}

async function gradeOne(
  ctx: GradingContext,
  source: SubmissionSource,
  options: AutogradeOptions,
): Promise<{ result: SubmissionResult; skipped: boolean }> {
  const input = await readSubmission(source, ctx.catalog.module);
  const stored = options.force ? undefined : await readStored(options.out, source.student);
  if (
    stored && !["interrupted", "grader-error"].includes(stored.status) &&
    stored.module === ctx.catalog.module.name &&
    stored.fingerprint === input.fingerprint && stored.setup === ctx.setup
  ) {
    return { result: stored, skipped: true };
  }
  try {
    const { result, log } = await gradeSubmission(ctx, input, { signal: options.signal });
    await writeStudent(options.out, result, log);
    return { result, skipped: false };
  } catch (error) {
    const failed = options.signal?.aborted ? undefined : (error ?? new Error("unknown error"));
    const result = unfinished(ctx, source.student, input.fingerprint, failed);
    await writeStudent(options.out, result, failed === undefined ? "" : String(failed));
    return { result, skipped: false };
  }
}

/**
 * Grades a class: every submission in its own sandbox, `jobs` at a time. Each student's result is
 * written atomically as soon as it is known; a re-run skips students whose stored result matches
 * both their submission and the grading setup (unless `force`); on abort the running ones are
 * stored as `interrupted`. Finally `grades.csv` and `report.html` are written for every listed
 * submission known so far: with `only`, that student's new result and everyone else's stored one.
 *
 * @param options What to grade, where to write, limits.
 * @returns The results.
 * @throws {RangeError} If `only` names no submission, or `out` is the submissions folder or
 * inside it.
 */
export async function autograde(options: AutogradeOptions): Promise<ClassReport> {
  if (await isWithin(options.out, options.submissions)) {
    throw new RangeError(
      `Cannot write the grades to ${options.out}: it is inside the submissions folder ` +
        `${options.submissions} (outputs would mix with submissions); choose an --out outside it`,
    );
  }
  const all = await listSubmissions(options.submissions);
  let sources = all;
  if (options.only !== undefined) {
    sources = all.filter((s) => s.student === options.only);
    if (sources.length === 0) {
      throw new RangeError(
        `Cannot find a submission of "${options.only}" in ${options.submissions}`,
      );
    }
  }
  const ctx = await prepareGrading(options.root, options.module, {
    limits: options.limits,
    modules: options.modules,
    typeCheck: options.typeCheck,
    isolation: options.isolation,
  });
  const results = new Map<string, SubmissionResult>();
  let next = 0;
  let done = 0;
  let graded = 0;
  let diskFull: string | undefined;
  const roomy = async () => {
    diskFull ??= await diskShortage([options.out, tmpdir()], options.minFreeBytes);
    return diskFull === undefined;
  };
  await Deno.mkdir(options.out, { recursive: true });
  const worker = async () => {
    while (next < sources.length && !options.signal?.aborted && await roomy()) {
      const source = sources[next++];
      if (source === undefined) break; // another worker took the last one while this one waited
      const { result, skipped } = await gradeOne(ctx, source, options);
      results.set(source.student, result);
      if (!skipped) graded++;
      done++;
      options.onProgress?.({ done, total: sources.length, result, skipped });
    }
  };
  const jobs = Math.max(1, options.jobs ?? navigator.hardwareConcurrency ?? 1);
  await Promise.all(Array.from({ length: Math.min(jobs, sources.length) }, worker));
  const known: SubmissionResult[] = [];
  for (const { student } of all) {
    const result = results.get(student) ?? (await readStored(options.out, student));
    if (result?.module === ctx.catalog.module.name) known.push(result);
  }
  await writeClass(options.out, ctx.catalog.module, known);
  return {
    module: ctx.catalog.module,
    results: known,
    graded,
    skipped: done - graded,
    stale: known.filter((r) => r.setup !== ctx.setup).length,
    interrupted: options.signal?.aborted ?? false,
    isolation: ctx.isolation,
    diskFull,
  };
}
