/**
 * `deno task grade bench`: grades a generated class (copies of the sample class) under each
 * isolation mode this machine supports and measures throughput, per-submission time and peak
 * memory, and what a re-run of the unchanged class costs.
 *
 * @module
 */
import type { ClassReport } from "../autograde.ts";
import { gradeBenchClass } from "./bench_grade.ts";
import type { SubmissionResult } from "../result.ts";
import { type IsolationMode, probeIsolation } from "../sandbox/os_isolation.ts";
import { fairnessBench, type FairnessFigures } from "./fairness_bench.ts";
import { resumeBench, type ResumeFigures } from "./resume_bench.ts";

/** Samples left out of the bench class: they wait out a load limit of 20 s by design. */
export const SLOW_SAMPLES: readonly string[] = ["val_sleeps_forever"];

/** Options of {@linkcode classBench}. */
export interface ClassBenchOptions {
  /** The repository. */
  readonly root: string;
  /** Submissions in the generated class; default 200. */
  readonly size?: number;
  /** Submissions graded at once; default the number of cores. */
  readonly jobs?: number;
  /** Submissions in the interrupted-and-resumed class; default 40. */
  readonly resumeSize?: number;
  /** Called after each submission of each mode, and when a phase starts. */
  readonly onProgress?: (mode: IsolationMode, done: number, total: number) => void;
  /** Called when a phase starts (fairness, resume). */
  readonly onPhase?: (phase: string) => void;
}

/** What one mode measured. */
export interface ModeFigures {
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Wall-clock seconds for the class. */
  readonly seconds: number;
  /** Submissions per minute. */
  readonly perMinute: number;
  /** Median seconds of one submission. */
  readonly medianSeconds: number;
  /** Median and largest peak resident memory of one submission's children, MiB. */
  readonly peakMb: { readonly median: number; readonly max: number };
  /** Seconds of a re-run of the unchanged class, and how many it skipped. */
  readonly rerun: { readonly seconds: number; readonly skipped: number };
  /** Scores by student, for the comparison between modes. */
  readonly scores: Readonly<Record<string, number>>;
}

/** The outcome of {@linkcode classBench}. */
export interface ClassBenchReport {
  /** Submissions in the class. */
  readonly size: number;
  /** Jobs. */
  readonly jobs: number;
  /** One entry per mode, `os` first when available. */
  readonly modes: readonly ModeFigures[];
  /** Whether every student scored the same in every mode. */
  readonly sameScores: boolean;
  /** Median per-submission seconds that `os` adds over `process`, when both ran. */
  readonly osOverheadSeconds?: number;
  /** Honest samples alone and beside the bombs, per mode. */
  readonly fairness: readonly FairnessFigures[];
  /** The interrupted and resumed run (first mode), and whether it scored as the full run did. */
  readonly resume: ResumeFigures & { readonly sameScores: boolean };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

/**
 * Writes a class of `size` submissions into `dir`: the sample class's archives, copied in turn
 * as `<sample>-<n>`, without {@linkcode SLOW_SAMPLES}.
 *
 * @param root The repository.
 * @param dir An empty folder.
 * @param size How many submissions.
 * @returns Their names.
 */
export async function writeBenchClass(root: string, dir: string, size: number): Promise<string[]> {
  const examples = `${root}/grader/examples`;
  const archives: string[] = [];
  for await (const e of Deno.readDir(examples)) {
    const name = e.name.replace(/\.(zip|tar\.gz)$/, "");
    if (e.isFile && name !== e.name && !SLOW_SAMPLES.includes(name)) archives.push(e.name);
  }
  archives.sort();
  const names: string[] = [];
  for (let i = 0; i < size; i++) {
    const archive = archives[i % archives.length];
    const ext = archive.endsWith(".tar.gz") ? ".tar.gz" : ".zip";
    const name = `${archive.slice(0, -ext.length)}-${String(i).padStart(3, "0")}`;
    await Deno.copyFile(`${examples}/${archive}`, `${dir}/${name}${ext}`);
    names.push(name);
  }
  return names;
}

async function timed(run: () => Promise<ClassReport>): Promise<[ClassReport, number]> {
  const started = performance.now();
  const report = await run();
  return [report, (performance.now() - started) / 1000];
}

function figures(
  mode: IsolationMode,
  report: ClassReport,
  seconds: number,
  rerun: [ClassReport, number],
): ModeFigures {
  const results: readonly SubmissionResult[] = report.results;
  const peaks = results.map((r) => r.peakMb ?? 0).filter((p) => p > 0);
  return {
    mode,
    seconds,
    perMinute: results.length / (seconds / 60),
    medianSeconds: median(results.map((r) => r.seconds)),
    peakMb: { median: median(peaks), max: Math.max(0, ...peaks) },
    rerun: { seconds: rerun[1], skipped: rerun[0].skipped },
    scores: Object.fromEntries(results.map((r) => [r.student, r.score])),
  };
}

/**
 * Grades a generated class once per isolation mode (in fresh output folders), then once more
 * unchanged, and reports what it measured. Nothing is assumed: every figure comes from this run.
 *
 * @param options Repository, class size, jobs.
 * @returns The figures per mode.
 */
export async function classBench(options: ClassBenchOptions): Promise<ClassBenchReport> {
  const size = options.size ?? 200;
  const jobs = options.jobs ?? navigator.hardwareConcurrency ?? 1;
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-bench-class-" });
  try {
    const submissions = `${dir}/class`;
    await Deno.mkdir(submissions);
    await writeBenchClass(options.root, submissions, size);
    const os = (await probeIsolation()).mode === "os";
    const modes: IsolationMode[] = os ? ["os", "process"] : ["process"];
    const out: ModeFigures[] = [];
    for (const mode of modes) {
      const run = () =>
        gradeBenchClass({
          root: options.root,
          submissions,
          out: `${dir}/out-${mode}`,
          jobs,
          mode,
          onProgress: (e) => options.onProgress?.(mode, e.done, e.total),
        });
      const [report, seconds] = await timed(run);
      out.push(figures(mode, report, seconds, await timed(run)));
    }
    const same = out.every((m) => JSON.stringify(m.scores) === JSON.stringify(out[0].scores));
    const overhead = out.length === 2 ? out[0].medianSeconds - out[1].medianSeconds : undefined;
    const fairness: FairnessFigures[] = [];
    for (const mode of modes) {
      options.onPhase?.(`fairness under ${mode}`);
      fairness.push(await fairnessBench({ root: options.root, mode, jobs }));
    }
    options.onPhase?.(`interrupted and resumed under ${modes[0]}`);
    const resume = await resumeBench({
      root: options.root,
      mode: modes[0],
      jobs,
      size: Math.min(size, options.resumeSize ?? 40),
    });
    const resumeSame = Object.entries(resume.scores).every(([s, v]) => out[0].scores[s] === v);
    return {
      size,
      jobs,
      modes: out,
      sameScores: same,
      ...(overhead === undefined ? {} : { osOverheadSeconds: overhead }),
      fairness,
      resume: { ...resume, sameScores: resumeSame },
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
