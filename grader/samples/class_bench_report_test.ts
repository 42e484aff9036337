import assert from "node:assert/strict";
import type { ClassBenchReport } from "./class_bench.ts";
import { classBenchLines, classBenchPassed } from "./class_bench_report.ts";

const report: ClassBenchReport = {
  size: 4,
  jobs: 2,
  modes: [{
    mode: "os",
    seconds: 8,
    perMinute: 30,
    medianSeconds: 3.9,
    peakMb: { median: 137, max: 1024 },
    rerun: { seconds: 2, skipped: 4 },
    scores: { a: 100, b: 0 },
  }],
  sameScores: true,
  fairness: [{
    mode: "os",
    runs: 2,
    honest: [{
      student: "ada_correct",
      aloneSeconds: 1.6,
      besideSeconds: 1.7,
      ratio: 1.7 / 1.6,
      keptPoints: true,
    }],
    maxRatio: 1.7 / 1.6,
    bombs: { uma_worker_bomb: "graded" },
  }],
  resume: {
    mode: "os",
    size: 4,
    stopped: { finished: 2, interrupted: 1 },
    resumed: { graded: 2, skipped: 2, seconds: 4 },
    lost: 0,
    scores: { a: 100, b: 0 },
    sameScores: true,
  },
};

Deno.test("grader: grade bench prints every figure it measured, and judges correctness only", () => {
  const text = classBenchLines(report).join("\n");
  for (
    const figure of [
      "30.0 submissions/min",
      "peak memory median 137 MiB, max 1024 MiB",
      "alone 1.6 s, beside the bombs 1.7 s (1.06×)  kept every point",
      "within 2×",
      "stopped after 2 (1 interrupted); the re-run graded 2 and skipped 2 in 4.0 s; 0 lost",
    ]
  ) assert.ok(text.includes(figure), figure);
  assert.equal(classBenchPassed(report), true);
  assert.equal(classBenchPassed({ ...report, resume: { ...report.resume, lost: 1 } }), false);
  const lost = { ...report.fairness[0].honest[0], keptPoints: false };
  assert.equal(
    classBenchPassed({ ...report, fairness: [{ ...report.fairness[0], honest: [lost] }] }),
    false,
  );
  const slow = { ...report.fairness[0], maxRatio: 2.5 };
  assert.match(classBenchLines({ ...report, fairness: [slow] }).join("\n"), /OVER 2×/);
  assert.equal(classBenchPassed({ ...report, fairness: [slow] }), true, "timings are not judged");
});
