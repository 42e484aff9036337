/**
 * Mutation testing of the solution regions with StrykerJS: which lines to mutate, the Stryker
 * configuration, which task a mutant belongs to, and the score per task. Pure functions; the
 * command (`mutation.ts`) and the test command Stryker runs (`run_cases.ts`) do the I/O.
 *
 * @module
 */
import { findRegions, type ModuleInfo } from "@tinytorch/course";

/** StrykerJS, pinned: the last major that runs on Node 20 (10.x needs Node 22). */
export const STRYKER = "@stryker-mutator/core@9.6.1";

/** Where a module's configuration, incremental file and reports go. */
export function reportDir(module: string): string {
  return `reports/mutation/${module}`;
}

/** A solution region as Stryker sees it: a file and the lines between its markers. */
export interface MutateRange {
  /** The task id. */
  readonly task: string;
  /** The file, relative to the repository. */
  readonly file: string;
  /** First line of the body (the line after `// #region solution`), 1-based. */
  readonly first: number;
  /** Last line of the body (the line before `// #endregion`), 1-based. */
  readonly last: number;
}

/**
 * The bodies of a file's solution regions.
 *
 * @param file The file, relative to the repository.
 * @param source Its text.
 * @returns One range per region with a non-empty body.
 */
export function mutateRanges(file: string, source: string): MutateRange[] {
  return findRegions(source)
    .filter((r) => r.end - r.start > 1)
    .map((r) => ({ task: r.task, file, first: r.start + 1, last: r.end - 1 }));
}

/**
 * The Stryker configuration for one module: mutate only the region bodies, run the command
 * runner (`run_cases.ts` picks the mutant's task and runs that task's cases), keep an incremental
 * file and an HTML and a JSON report under {@linkcode reportDir}.
 *
 * @param module The module.
 * @param ranges Its region bodies.
 * @param options `deno`: the Deno executable (`Deno.execPath()`); `problemLog`: an absolute path
 * where the test command reports mutants it cannot place.
 * @returns The configuration, as `stryker.config.json` holds it.
 */
export function strykerConfig(
  module: ModuleInfo,
  ranges: readonly MutateRange[],
  options: { readonly deno: string; readonly problemLog: string },
): Record<string, unknown> {
  const dir = reportDir(module.name);
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = [
    quote(options.deno),
    "run -A .maintainer/mutation/run_cases.ts",
    module.name,
    quote(options.problemLog),
  ].join(" ");
  return {
    testRunner: "command",
    // The command runner reports one test and no coverage: coverage analysis must be off.
    coverageAnalysis: "off",
    commandRunner: { command },
    mutate: ranges.map((r) => `${r.file}:${r.first}-${r.last}`),
    incremental: true,
    incrementalFile: `${dir}/incremental.json`,
    reporters: ["progress", "html", "json"],
    htmlReporter: { fileName: `${dir}/index.html` },
    jsonReporter: { fileName: `${dir}/mutation.json` },
    concurrency: 2,
    timeoutMS: 10_000,
    tempDirName: ".stryker-tmp",
    ignorePatterns: ["reports", ".tito", "grader/examples", "submissions"],
    cleanTempDir: true,
    plugins: [],
    checkers: [],
  };
}

const MUTANT_CALL = /stryMutAct_9fa48\("(\d+)"\)/g;
const OPEN = /^\s*\/\/\s*#region solution\s+(\S+)\s*$/;
const CLOSE = /^\s*\/\/\s*#endregion\b/;

/**
 * Reads which task each mutant belongs to from an instrumented file: Stryker keeps the
 * `#region solution` comments, and every mutant's switch `stryMutAct_9fa48("<id>")` lies inside
 * the region it mutates.
 *
 * @param instrumented The text of a file as Stryker instrumented it.
 * @returns Mutant id to task id.
 */
export function mutantTasks(instrumented: string): Map<string, string> {
  const tasks = new Map<string, string>();
  let task: string | undefined;
  for (const line of instrumented.split("\n")) {
    const open = OPEN.exec(line);
    if (open) task = open[1];
    else if (CLOSE.test(line)) task = undefined;
    else if (task) {
      for (const m of line.matchAll(MUTANT_CALL)) {
        if (!tasks.has(m[1])) tasks.set(m[1], task);
      }
    }
  }
  return tasks;
}

/** One mutant of Stryker's JSON report (mutation-testing-report-schema), the fields we read. */
export interface ReportMutant {
  /** Stryker's id. */
  readonly id: string;
  /** e.g. `"EqualityOperator"`. */
  readonly mutatorName: string;
  /** The code that replaced the original. */
  readonly replacement?: string;
  /** `Killed`, `Survived`, `Timeout`, `NoCoverage`, `CompileError`, `RuntimeError`, `Ignored`. */
  readonly status: string;
  /** Where, 1-based lines and columns. */
  readonly location: {
    readonly start: { readonly line: number; readonly column: number };
    readonly end: { readonly line: number; readonly column: number };
  };
}

/** Stryker's JSON report, the fields we read. */
export interface MutationReport {
  /** By file, relative to the project. */
  readonly files: Readonly<
    Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>
  >;
}

/**
 * A mutant judged equivalent: no observable behaviour of the task changes. Matched by file,
 * mutator, the original code, the replacement, and the trimmed text of the mutant's first line
 * (so it survives line moves).
 */
export interface EquivalentMutant {
  /** The task id. */
  readonly task: string;
  /** The file, relative to the repository. */
  readonly file: string;
  /** The trimmed source line the mutant starts on. */
  readonly line: string;
  /** Stryker's mutator name. */
  readonly mutator: string;
  /** The code the mutant replaces. */
  readonly original: string;
  /** What Stryker puts there. */
  readonly replacement: string;
  /** Why the behaviour cannot change, in one line. */
  readonly why: string;
}

/** A mutant with its task and its code, for reports. */
export interface JudgedMutant {
  /** The task id. */
  readonly task: string;
  /** The file, relative to the repository. */
  readonly file: string;
  /** 1-based line. */
  readonly lineNumber: number;
  /** The trimmed source line. */
  readonly line: string;
  /** Stryker's mutator name. */
  readonly mutator: string;
  /** The code the mutant replaces. */
  readonly original: string;
  /** What Stryker puts there. */
  readonly replacement: string;
  /** Stryker's status. */
  readonly status: string;
  /** The equivalence entry that covers it, if any. */
  readonly equivalent?: EquivalentMutant;
}

/** The mutation score of one task. */
export interface TaskScore {
  /** The task id. */
  readonly task: string;
  /** Every mutant in the task's regions. */
  readonly mutants: number;
  /** Killed by a failing case. */
  readonly killed: number;
  /** Killed by running too long (an endless loop), which also counts as detected. */
  readonly timedOut: number;
  /** Survived, and listed as equivalent. */
  readonly equivalent: number;
  /** Survived and not listed: a case is missing. */
  readonly survived: number;
  /** Anything else (compile or runtime errors of the mutant itself), not counted. */
  readonly other: number;
  /** Detected / (mutants − equivalent − other), in percent; 100 with nothing to detect. */
  readonly score: number;
}

function sourceText(lines: readonly string[], m: ReportMutant): string {
  const { start, end } = m.location;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join("\n");
}

/**
 * Gives every mutant of a report its task (by the region its first line lies in) and its
 * equivalence entry.
 *
 * @param report Stryker's JSON report.
 * @param equivalents The committed list of equivalent mutants.
 * @returns The mutants, by file then position.
 */
export function judgeMutants(
  report: MutationReport,
  equivalents: readonly EquivalentMutant[],
): JudgedMutant[] {
  const out: JudgedMutant[] = [];
  for (const [file, entry] of Object.entries(report.files)) {
    const ranges = mutateRanges(file, entry.source);
    const lines = entry.source.split("\n");
    const sorted = [...entry.mutants].sort((a, b) =>
      a.location.start.line - b.location.start.line ||
      a.location.start.column - b.location.start.column
    );
    for (const m of sorted) {
      const at = m.location.start.line;
      const range = ranges.find((r) => r.first <= at && at <= r.last);
      if (!range) continue;
      const line = lines[at - 1].trim();
      const original = sourceText(lines, m);
      const replacement = m.replacement ?? "";
      const equivalent = equivalents.find((e) =>
        e.file === file && e.task === range.task && e.mutator === m.mutatorName &&
        e.line === line && e.original === original && e.replacement === replacement
      );
      out.push({
        task: range.task,
        file,
        lineNumber: at,
        line,
        mutator: m.mutatorName,
        original,
        replacement,
        status: m.status,
        ...(equivalent ? { equivalent } : {}),
      });
    }
  }
  return out;
}

/**
 * The score of each task.
 *
 * @param tasks The task ids, in registry order.
 * @param mutants Judged mutants (see {@linkcode judgeMutants}).
 * @returns One score per task.
 */
export function scoreTasks(
  tasks: readonly string[],
  mutants: readonly JudgedMutant[],
): TaskScore[] {
  return tasks.map((task) => {
    const mine = mutants.filter((m) => m.task === task);
    const count = (f: (m: JudgedMutant) => boolean) => mine.filter(f).length;
    const killed = count((m) => m.status === "Killed");
    const timedOut = count((m) => m.status === "Timeout");
    const alive = (m: JudgedMutant) => m.status === "Survived" || m.status === "NoCoverage";
    const equivalent = count((m) => alive(m) && m.equivalent !== undefined);
    const survived = count((m) => alive(m) && m.equivalent === undefined);
    const other = mine.length - killed - timedOut - equivalent - survived;
    const counted = killed + timedOut + survived;
    const score = counted === 0 ? 100 : Math.floor(((killed + timedOut) / counted) * 10000) / 100;
    return { task, mutants: mine.length, killed, timedOut, equivalent, survived, other, score };
  });
}

/**
 * Equivalence entries that match no surviving mutant (stale: the code or the cases changed).
 *
 * @param equivalents The committed list.
 * @param mutants Judged mutants of the modules that ran.
 * @param files The files that were mutated.
 * @returns The stale entries.
 */
export function staleEquivalents(
  equivalents: readonly EquivalentMutant[],
  mutants: readonly JudgedMutant[],
  files: ReadonlySet<string>,
): EquivalentMutant[] {
  return equivalents.filter((e) =>
    files.has(e.file) &&
    !mutants.some((m) => m.equivalent === e && m.status !== "Killed" && m.status !== "Timeout")
  );
}
