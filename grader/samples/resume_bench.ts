/**
 * An interrupted class run, resumed: grading is aborted halfway (as Ctrl-C does), then run
 * again into the same folder. The second run must skip what was finished, grade the rest and
 * the submissions that were running when it stopped, and lose nothing.
 *
 * @module
 */
import { gradeBenchClass } from "./bench_grade.ts";
import type { IsolationMode } from "../sandbox/os_isolation.ts";
import { writeBenchClass } from "./class_bench.ts";

/** Options of {@linkcode resumeBench}. */
export interface ResumeOptions {
  /** The repository. */
  readonly root: string;
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Submissions in the class (the first of the bench class); default 40. */
  readonly size?: number;
  /** Submissions graded at once; default the number of cores. */
  readonly jobs?: number;
}

/** What the interrupted and the resumed run did. */
export interface ResumeFigures {
  /** The isolation mode. */
  readonly mode: IsolationMode;
  /** Submissions in the class. */
  readonly size: number;
  /** Finished before the abort, and recorded as `interrupted` by it. */
  readonly stopped: { readonly finished: number; readonly interrupted: number };
  /** What the resumed run graded and skipped, and how long it took. */
  readonly resumed: { readonly graded: number; readonly skipped: number; readonly seconds: number };
  /** Submissions with no final result after the resumed run (must be 0). */
  readonly lost: number;
  /** Scores by student after the resumed run. */
  readonly scores: Readonly<Record<string, number>>;
}

/**
 * Grades the first `size` submissions of the bench class, aborts when half are done, resumes,
 * and reports what each run did.
 *
 * @param options Repository, mode, size, jobs.
 * @returns The figures.
 */
export async function resumeBench(options: ResumeOptions): Promise<ResumeFigures> {
  const size = options.size ?? 40;
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-resume-" });
  try {
    await Deno.mkdir(`${dir}/class`);
    const names = await writeBenchClass(options.root, `${dir}/class`, size);
    const controller = new AbortController();
    const run = (signal?: AbortSignal) =>
      gradeBenchClass({
        ...options,
        submissions: `${dir}/class`,
        out: `${dir}/out`,
        signal,
        onProgress: (e) => {
          if (e.done >= size / 2) controller.abort(new Error("the bench stops halfway"));
        },
      });
    const first = await run(controller.signal);
    const interrupted = first.results.filter((r) => r.status === "interrupted").length;
    const started = performance.now();
    const second = await run();
    const seconds = (performance.now() - started) / 1000;
    const final = new Map(
      second.results.filter((r) => r.status !== "interrupted").map((r) => [r.student, r]),
    );
    return {
      mode: options.mode,
      size,
      stopped: { finished: first.results.length - interrupted, interrupted },
      resumed: { graded: second.graded, skipped: second.skipped, seconds },
      lost: names.filter((n) => !final.has(n)).length,
      scores: Object.fromEntries([...final].map(([s, r]) => [s, r.score])),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
