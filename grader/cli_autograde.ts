// deno-lint-ignore-file no-console -- the instructor's command line: printing is its job
import type { IsolationMode } from "./sandbox/os_isolation.ts";
import cliProgress from "cli-progress";
import { findModule } from "@tinytorch/course";
import { autograde, type ProgressEvent } from "./autograde.ts";
import { memoryCapProblem } from "./deno_process.ts";
import { points } from "./report/feedback.ts";
import { visibleText } from "./report/inert_text.ts";
import type { Limits } from "./sandbox/limits.ts";
import { SAMPLE_MODULE } from "./samples/sample_class.ts";

/** Options of `grade autograde` as commander parses them. */
export interface AutogradeFlags {
  /** The module. */
  readonly module: string;
  /** Submissions folder. */
  readonly submissions?: string;
  /** Output folder. */
  readonly out?: string;
  /** Parallel submissions. */
  readonly jobs?: string;
  /** Seconds per submission. */
  readonly timeout?: string;
  /** Seconds per case. */
  readonly caseTimeout?: string;
  /** MiB of resident memory. */
  readonly memory?: string;
  /** One student. */
  readonly only?: string;
  /** Re-grade. */
  readonly force?: boolean;
  /** `false` with `--no-type-check`. */
  readonly typeCheck?: boolean;
  /** `--isolation os|process`. */
  readonly isolation?: string;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new RangeError(`Cannot use ${flag} ${value}: expected a positive number`);
  return n;
}

function limitsOf(flags: AutogradeFlags): Partial<Limits> {
  const timeout = positive(flags.timeout, "--timeout");
  const caseTimeout = positive(flags.caseTimeout, "--case-timeout");
  const memory = positive(flags.memory, "--memory");
  return {
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    ...(caseTimeout ? { caseTimeoutMs: caseTimeout * 1000 } : {}),
    ...(memory ? { memoryMb: memory } : {}),
  };
}

function reporter(): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  if (!Deno.stdout.isTerminal()) {
    return {
      onProgress: (e) =>
        console.log(
          `[${e.done}/${e.total}] ${visibleText(e.result.student, 60)}: ${
            points(e.result.score)
          }/${e.result.maxScore} ` +
            `(${e.result.status}${
              e.skipped ? ", unchanged since the last run" : `, ${e.result.seconds} s`
            })`,
        ),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar({
    format: "grading [{bar}] {value}/{total} {student}",
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    onProgress: (e) => {
      if (!started) bar.start(e.total, 0, { student: "" });
      started = true;
      bar.update(e.done, {
        student: `${visibleText(e.result.student, 40)} ${points(e.result.score)}`,
      });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

/**
 * The exit code of a run stopped by a signal, as shells report it: 128 + the signal's number
 * (SIGINT 130, SIGTERM 143).
 *
 * @param signal The signal that stopped the run (SIGINT when unknown).
 * @returns The exit code.
 */
export function interruptedExitCode(signal: Deno.Signal = "SIGINT"): number {
  return signal === "SIGTERM" ? 143 : 130;
}

/**
 * Reads `--isolation`.
 *
 * @param value The flag's value.
 * @returns The mode, or `undefined` for the default.
 * @throws {RangeError} For anything but `os` or `process`.
 */
export function isolationOf(value: string | undefined): IsolationMode | undefined {
  if (value === undefined || value === "os" || value === "process") return value;
  throw new RangeError(`Cannot isolate with --isolation ${value}: use os or process`);
}

/**
 * Runs `grade autograde`: grades the class, shows progress, prints a summary, and on SIGINT or
 * SIGTERM records the running submissions as interrupted.
 *
 * @param root The repository.
 * @param flags Parsed options.
 * @returns The exit code (130 when interrupted by SIGINT, 143 by SIGTERM).
 */
export async function autogradeCommand(root: string, flags: AutogradeFlags): Promise<number> {
  const module = findModule(flags.module);
  if (!flags.submissions && module.name !== SAMPLE_MODULE) {
    throw new RangeError(
      `Cannot grade ${module.name} without --submissions (the sample class is ${SAMPLE_MODULE})`,
    );
  }
  const submissions = flags.submissions ?? `${root}/grader/examples`;
  const out = flags.out ?? `${root}/reports/grades/${module.name}`;
  const memory = memoryCapProblem();
  if (memory) console.error(`⚠️  ${memory} Each result's notes say so.`);
  const controller = new AbortController();
  let stoppedBy: Deno.Signal | undefined;
  const onInt = () => stop("SIGINT");
  const onTerm = () => stop("SIGTERM");
  const stop = (signal: Deno.Signal) => {
    stoppedBy ??= signal;
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  Deno.addSignalListener("SIGINT", onInt);
  Deno.addSignalListener("SIGTERM", onTerm);
  const progress = reporter();
  const started = performance.now();
  try {
    const report = await autograde({
      root,
      module: module.name,
      submissions,
      out,
      jobs: positive(flags.jobs, "--jobs"),
      limits: limitsOf(flags),
      only: flags.only,
      force: flags.force,
      typeCheck: flags.typeCheck,
      isolation: isolationOf(flags.isolation),
      signal: controller.signal,
      onProgress: progress.onProgress,
    });
    progress.stop();
    if (report.isolation.warning) console.error(`⚠️  ${report.isolation.warning}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const r of report.results) {
      console.log(
        `  ${visibleText(r.student, 60).padEnd(28)} ${
          points(r.score).padStart(6)
        } / ${r.maxScore}  ${r.status}`,
      );
    }
    const stopped = report.results.filter((r) => r.status === "interrupted").length;
    console.log(
      `${report.interrupted ? "Interrupted: " : ""}graded ${
        report.graded - stopped
      } submission(s)` +
        `${stopped ? `, ${stopped} interrupted (run again to finish them)` : ""}, skipped ` +
        `${report.skipped} unchanged, in ${seconds} s. Wrote ${out}/grades.csv, ${out}/report.html ` +
        `and ${out}/students/<student>/{results.json,feedback.md}`,
    );
    if (report.stale > 0) {
      console.log(
        `Note: ${report.stale} stored result(s) in the class outputs were graded with another ` +
          `setup (cases, limits or harness changed); run without --only to re-grade them.`,
      );
    }
    if (report.diskFull) {
      console.error(
        `Stopped before the class was finished: ${report.diskFull}. Free some space and run ` +
          `again; every finished result is kept and the rest will be graded.`,
      );
      return 1;
    }
    return report.interrupted ? interruptedExitCode(stoppedBy) : 0;
  } finally {
    progress.stop();
    Deno.removeSignalListener("SIGINT", onInt);
    Deno.removeSignalListener("SIGTERM", onTerm);
  }
}
