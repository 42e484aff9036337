import type { ClassBenchReport } from "./class_bench.ts";

const s1 = (seconds: number) => `${seconds.toFixed(1)} s`;

/**
 * The lines `deno task grade bench` prints for its report.
 *
 * @param report What the bench measured.
 * @returns The lines.
 */
export function classBenchLines(report: ClassBenchReport): string[] {
  const lines = [`grade bench: ${report.size} submissions, --jobs ${report.jobs}`];
  for (const m of report.modes) {
    lines.push(
      `  ${m.mode.padEnd(8)} ${m.seconds.toFixed(1).padStart(7)} s  ${
        m.perMinute.toFixed(1).padStart(6)
      } submissions/min  median ${
        s1(m.medianSeconds)
      } each  peak memory median ${m.peakMb.median} MiB, max ${m.peakMb.max} MiB  re-run ${
        s1(m.rerun.seconds)
      } (${m.rerun.skipped} skipped)`,
    );
  }
  if (report.osOverheadSeconds !== undefined) {
    lines.push(
      `  os isolation adds ${report.osOverheadSeconds.toFixed(2)} s per submission (median)`,
    );
  }
  lines.push(
    report.sameScores ? "  scores identical in every mode" : "  SCORES DIFFER between modes",
  );
  for (const f of report.fairness) {
    lines.push(
      `fairness under ${f.mode} (median of ${f.runs} runs, beside ${
        Object.entries(f.bombs).map(([b, status]) => `${b}: ${status}`).join(", ")
      }):`,
    );
    for (const h of f.honest) {
      lines.push(
        `  ${h.student.padEnd(20)} alone ${s1(h.aloneSeconds)}, beside the bombs ${
          s1(h.besideSeconds)
        } (${h.ratio.toFixed(2)}×)  ${h.keptPoints ? "kept every point" : "LOST POINTS"}`,
      );
    }
    lines.push(
      `  slowest ${f.maxRatio.toFixed(2)}× of its time alone: ${
        f.maxRatio <= 2 ? "within 2×" : "OVER 2×"
      }`,
    );
  }
  const r = report.resume;
  lines.push(
    `interrupted and resumed under ${r.mode}: ${r.size} submissions, stopped after ${r.stopped.finished} (${r.stopped.interrupted} interrupted); the re-run graded ${r.resumed.graded} and skipped ${r.resumed.skipped} in ${
      s1(r.resumed.seconds)
    }; ${r.lost} lost; ${
      r.sameScores ? "scores as in the full run" : "SCORES DIFFER from the full run"
    }`,
  );
  return lines;
}

/**
 * Whether the bench found a correctness problem: scores that differ between modes or after a
 * resume, a lost result, or an honest submission that lost points beside the bombs. (Timings
 * are reported, not judged: the machine may be shared.)
 *
 * @param report What the bench measured.
 * @returns True when all is well.
 */
export function classBenchPassed(report: ClassBenchReport): boolean {
  return report.sameScores && report.resume.sameScores && report.resume.lost === 0 &&
    report.fairness.every((f) => f.honest.every((h) => h.keptPoints));
}
