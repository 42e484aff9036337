import type { Isolation } from "./sandbox/os_isolation.ts";
import { runCatalog } from "./sandbox/case_runner.ts";
import type { GradingContext } from "./grading_context.ts";
import { memoryCapProblem } from "./deno_process.ts";
import { checkImports } from "./sandbox/import_check.ts";
import type { CaseResult, FailureKind, SubmissionResult, SubmissionStatus } from "./result.ts";
import {
  createSandbox,
  entryPoints,
  removeSandbox,
  restoreBase,
  type SandboxBase,
} from "./sandbox/sandbox.ts";
import { preloadOf } from "./sandbox/limits.ts";
import { judgeCase, scoreTasks } from "./score.ts";
import { typeCheck } from "./sandbox/type_check.ts";

/** A submission as read by the intake. */
export interface SubmissionInput {
  /** The student. */
  readonly student: string;
  /** SHA-256 of what was received. */
  readonly fingerprint: string;
  /** The module's `.ts` sources by path relative to the module folder, if readable. */
  readonly files?: ReadonlyMap<string, Uint8Array>;
  /** Why the submission could not be read. */
  readonly error?: string;
}

/** A result and the child processes' output (for the instructor's log). */
export interface GradedSubmission {
  /** The result. */
  readonly result: SubmissionResult;
  /** Output of the submission's processes that was not protocol. */
  readonly log: string;
}

/** Options of {@linkcode gradeSubmission}. */
export interface GradeOptions {
  /** Stops grading: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** What the graded module starts from before the submission is laid over it; default `stub`. */
  readonly base?: SandboxBase;
}

function failAll(
  ctx: GradingContext,
  kind: FailureKind,
  message: string,
): CaseResult[] {
  return ctx.catalog.entries.map((e) => ({
    task: e.task,
    name: e.name,
    hidden: e.hidden,
    passed: false,
    kind,
    message,
  }));
}

function finish(
  ctx: GradingContext,
  input: SubmissionInput,
  started: number,
  parts: {
    status: SubmissionStatus;
    cases: CaseResult[];
    notes: string[];
    typeErrors?: string;
    peakMb?: number;
  },
): SubmissionResult {
  const { tasks, score, maxScore } = scoreTasks(ctx.catalog.module, parts.cases);
  return {
    schema: 1,
    student: input.student,
    module: ctx.catalog.module.name,
    status: parts.status,
    score,
    maxScore,
    tasks,
    cases: parts.cases,
    notes: parts.notes,
    ...(parts.typeErrors ? { typeErrors: parts.typeErrors } : {}),
    fingerprint: input.fingerprint,
    setup: ctx.setup,
    isolation: isolationLabel(ctx.isolation),
    ...(parts.peakMb ? { peakMb: parts.peakMb } : {}),
    gradedAt: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

function isolationLabel(isolation: Isolation): string {
  if (isolation.mode === "process") return "process";
  return `os (bubblewrap, ${isolation.cgroups ? `cgroup ${isolation.cgroups}` : "no cgroups"})`;
}

function loadNote(message: string): string {
  const [first, ...frame] = message.split("\n");
  const hint = first.startsWith("SyntaxError")
    ? " (the line is where Deno noticed; the fault is often just before it, e.g. a brace left open)"
    : "";
  return [`The module does not load: ${first}${hint}`, ...frame].join("\n");
}

/**
 * Grades one submission: builds its sandbox, refuses forbidden imports, type-checks (feedback
 * only), runs every case in sandboxed children and judges the observations in this process.
 *
 * @param ctx The module's grading context.
 * @param input The submission's sources, or why it could not be read.
 * @param options Abort signal; the base of the graded module.
 * @returns The result and the children's log.
 */
export async function gradeSubmission(
  ctx: GradingContext,
  input: SubmissionInput,
  options: GradeOptions = {},
): Promise<GradedSubmission> {
  const started = performance.now();
  if (!input.files || input.files.size === 0) {
    const why = input.error ?? "the submission holds no TypeScript sources of the module";
    const cases = failAll(ctx, "not-attempted", why);
    return {
      result: finish(ctx, input, started, { status: "unreadable", cases, notes: [why] }),
      log: "",
    };
  }
  const base = options.base ?? "stub";
  const sandbox = await createSandbox({
    root: ctx.root,
    catalog: ctx.catalog,
    base,
    files: input.files,
    allow: ctx.allow,
  });
  try {
    const imports = await checkImports(sandbox.dir, {
      roots: await entryPoints(ctx.root, ctx.catalog.module),
      submitted: sandbox.submitted,
      allow: ctx.allow,
    });
    if (imports.refused.length > 0) {
      const notes = imports.refused.map((r) => `Forbidden import: ${r}`);
      const cases = failAll(ctx, "forbidden", "the submission imports something it may not");
      return {
        result: finish(ctx, input, started, { status: "forbidden-import", cases, notes }),
        log: "",
      };
    }
    const ignored: string[] = [];
    for (const path of imports.unused) {
      if (await restoreBase(ctx.root, sandbox, path, base)) ignored.push(path);
    }
    const types = ctx.typeCheck
      ? await typeCheck(sandbox.dir, ctx.catalog, sandbox.submitted)
      : { shown: "", full: "" };
    const { catalog } = ctx;
    const report = await runCatalog({
      root: ctx.root,
      sandbox,
      catalog,
      job: { packages: catalog.api, preload: preloadOf(ctx.allow) },
      limits: ctx.limits,
      signal: options.signal,
      isolation: ctx.isolation,
    });
    const cases = catalog.entries.map((e, i) => judgeCase(e, ctx.wants[i], report.outcomes[i]));
    // A syntax error stops deno check at the same fault the load error names: say it once.
    const typeErrors = report.loadFailure && /SyntaxError/.test(types.shown) ? "" : types.shown;
    const notes = [
      ...(ignored.length > 0
        ? [`Not graded (changed, but the module does not import them): ${ignored.join(", ")}`]
        : []),
      ...(report.loadFailure ? [loadNote(report.loadFailure.message)] : []),
      ...(report.hiddenLoadFailure ? ["The module did not load for the hidden cases."] : []),
      ...(typeErrors
        ? [
          report.loadFailure
            ? "The module also has type errors (below)."
            : "The module has type errors (the cases still ran).",
        ]
        : []),
      ...[ctx.isolation.mode === "os" ? undefined : memoryCapProblem(), ctx.isolation.warning]
        .filter((p) => p !== undefined),
    ];
    const status = report.loadFailure ? "load-error" : "graded";
    const typeLog = types.full ? `deno check:\n${types.full}\n` : "";
    return {
      result: finish(ctx, input, started, {
        status,
        cases,
        notes,
        typeErrors,
        peakMb: report.peakMb,
      }),
      log: typeLog + report.log,
    };
  } finally {
    await removeSandbox(sandbox);
  }
}
