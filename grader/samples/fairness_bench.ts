/**
 * Fairness under attack, measured: each honest sample is graded alone, then in a class where it
 * is interleaved with the bombs (busy Workers, a memory bomb, a disk filler) and graded beside
 * them with `--jobs` = cores. An honest submission must keep its points, and its grading time
 * should stay within 2× of the time it takes alone.
 *
 * @module
 */
import { gradeBenchClass } from "./bench_grade.ts";
import type { SubmissionResult } from "../result.ts";
import type { IsolationMode } from "../sandbox/os_isolation.ts";

/** The honest samples, each graded alone and beside the bombs. */
export const HONEST_SAMPLES: readonly string[] = [
  "ada_correct",
  "ben_partial",
  "sol_progress_output",
];

/** The bombs an honest sample is graded beside, each placed just before it. */
export const BOMB_SAMPLES: readonly string[] = [
  "uma_worker_bomb",
  "tom_memory_bomb",
  "wes_fills_disk",
];

/** What one honest sample measured. */
export interface HonestFigures {
  /** The sample. */
  readonly student: string;
  /** Median seconds graded alone. */
  readonly aloneSeconds: number;
  /** Median seconds graded beside the bombs. */
  readonly besideSeconds: number;
  /** `besideSeconds / aloneSeconds`. */
  readonly ratio: number;
  /** Whether it scored the same beside the bombs as alone, in every run. */
  readonly keptPoints: boolean;
}

/** What one isolation mode measured. */
export interface FairnessFigures {
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Runs per measurement. */
  readonly runs: number;
  /** One entry per honest sample. */
  readonly honest: readonly HonestFigures[];
  /** The largest ratio. */
  readonly maxRatio: number;
  /** The bombs' statuses (from the last run beside them). */
  readonly bombs: Readonly<Record<string, string>>;
}

/** Options of {@linkcode fairnessBench}. */
export interface FairnessOptions {
  /** The repository. */
  readonly root: string;
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Submissions graded at once; default the number of cores. */
  readonly jobs?: number;
  /** Runs per measurement; default 2. */
  readonly runs?: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function archiveOf(root: string, sample: string): Promise<string> {
  for (const ext of [".zip", ".tar.gz"]) {
    const path = `${root}/grader/examples/${sample}${ext}`;
    try {
      await Deno.stat(path);
      return path;
    } catch {
      // try the other packing
    }
  }
  throw new RangeError(`Cannot find the sample ${sample} in ${root}/grader/examples`);
}

/** Grades `samples` (in this order) as one class in a fresh folder; results by sample. */
async function gradeClass(
  options: FairnessOptions,
  samples: readonly string[],
): Promise<Map<string, SubmissionResult>> {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-fairness-" });
  try {
    for (const [i, sample] of samples.entries()) {
      const archive = await archiveOf(options.root, sample);
      const ext = archive.endsWith(".zip") ? ".zip" : ".tar.gz";
      await Deno.mkdir(`${dir}/class`, { recursive: true });
      await Deno.copyFile(archive, `${dir}/class/${i}-${sample}${ext}`);
    }
    const report = await gradeBenchClass({
      ...options,
      submissions: `${dir}/class`,
      out: `${dir}/out`,
    });
    return new Map(report.results.map((r) => [r.student.replace(/^\d+-/, ""), r]));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Grades every honest sample alone and then beside the bombs, `runs` times each, under one
 * isolation mode, and reports the time ratios and whether every point was kept.
 *
 * @param options Repository, mode, jobs, runs.
 * @returns The figures.
 */
export async function fairnessBench(options: FairnessOptions): Promise<FairnessFigures> {
  const runs = options.runs ?? 2;
  const alone = new Map<string, SubmissionResult[]>();
  const beside = new Map<string, SubmissionResult[]>();
  let bombs: Record<string, string> = {};
  const interleaved = HONEST_SAMPLES.flatMap((h, i) => [BOMB_SAMPLES[i % BOMB_SAMPLES.length], h]);
  for (let run = 0; run < runs; run++) {
    for (const h of HONEST_SAMPLES) {
      alone.set(h, [...alone.get(h) ?? [], (await gradeClass(options, [h])).get(h)!]);
    }
    const results = await gradeClass(options, interleaved);
    for (const h of HONEST_SAMPLES) beside.set(h, [...beside.get(h) ?? [], results.get(h)!]);
    bombs = Object.fromEntries(BOMB_SAMPLES.map((b) => [b, results.get(b)?.status ?? "missing"]));
  }
  const honest = HONEST_SAMPLES.map((student): HonestFigures => {
    const a = alone.get(student)!;
    const b = beside.get(student)!;
    const aloneSeconds = median(a.map((r) => r.seconds));
    const besideSeconds = median(b.map((r) => r.seconds));
    return {
      student,
      aloneSeconds,
      besideSeconds,
      ratio: besideSeconds / aloneSeconds,
      keptPoints: [...a, ...b].every((r) => r.score === a[0].score && r.status === "graded"),
    };
  });
  return {
    mode: options.mode,
    runs,
    honest,
    maxRatio: Math.max(...honest.map((h) => h.ratio)),
    bombs,
  };
}
