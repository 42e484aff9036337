/**
 * The demo's timings as data: one record per `deno task demo` run, appended to
 * `reports/demo_runs.jsonl`, and the README region `deno task docs:timings` writes from the last
 * runs (the range of each same-run ratio, and the dates). Timings are never checked in tests.
 *
 * @module
 */

/** One path of one batch size in one run. */
export interface PathTiming {
  /** `fp32`, `simulated`, `int8 relaxed`, … */
  readonly name: string;
  /** The median of the run, in milliseconds. */
  readonly medianMs: number;
  /** The same-run speed relative to the simulated int8 path (2 = twice as fast). */
  readonly vsSimulated: number;
}

/** One demo run's timings. */
export interface DemoRun {
  /** The record's format. */
  readonly schema: 1;
  /** When it ran, ISO 8601. */
  readonly date: string;
  /** `Deno.version.deno`. */
  readonly deno: string;
  /** `Deno.build.os`. */
  readonly os: string;
  /** `navigator.hardwareConcurrency`. */
  readonly cpus: number;
  /** The first layer's timings, per batch size. */
  readonly speed: readonly { readonly batch: number; readonly paths: readonly PathTiming[] }[];
}

/** The markers of the README region {@linkcode timingsMarkdown} fills. */
export const TIMINGS_BEGIN =
  "<!-- demo-timings:begin (written by `deno task docs:timings` from reports/demo_runs.jsonl; do not edit) -->";
/** The end marker. */
export const TIMINGS_END = "<!-- demo-timings:end -->";

/**
 * Parses `reports/demo_runs.jsonl`: one {@linkcode DemoRun} per line; blank lines are skipped.
 *
 * @param text The file.
 * @returns The runs, oldest first.
 * @throws {SyntaxError} Naming the line that is not a run record.
 */
export function parseRuns(text: string): DemoRun[] {
  const runs: DemoRun[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let run: DemoRun;
    try {
      run = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(`Cannot read demo run on line ${i + 1}: ${(error as Error).message}`);
    }
    if (run?.schema !== 1 || !Array.isArray(run.speed)) {
      throw new SyntaxError(`Cannot read demo run on line ${i + 1}: not a schema 1 run record`);
    }
    runs.push(run);
  });
  return runs;
}

function ratio(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

function range(values: number[]): string {
  const low = ratio(Math.min(...values));
  const high = ratio(Math.max(...values));
  return low === high ? `${low}×` : `${low}–${high}×`;
}

/**
 * The README region: for each path, the range over `runs` of its same-run speed relative to the
 * simulated path, at each batch size, with the dates, Deno, OS and CPU count of the runs.
 *
 * @example Usage
 * ```ts
 * import { timingsMarkdown } from "./timing_runs.ts";
 * import assert from "node:assert/strict";
 * const run = (fp32: number) => ({
 *   schema: 1 as const, date: "2026-12-04T01:00:00Z", deno: "2.9.6", os: "linux", cpus: 2,
 *   speed: [{ batch: 1, paths: [{ name: "fp32", medianMs: 0.05, vsSimulated: fp32 }] }],
 * });
 * assert.match(timingsMarkdown([run(6.1), run(6.8)]), /\| fp32 +\| 6\.1–6\.8× +\|/);
 * ```
 *
 * @param runs At least one run.
 * @returns Markdown between (and including) {@linkcode TIMINGS_BEGIN} and {@linkcode TIMINGS_END}.
 * @throws {RangeError} When there are no runs.
 */
export function timingsMarkdown(runs: readonly DemoRun[]): string {
  if (runs.length === 0) throw new RangeError("Cannot write demo timings: no runs recorded");
  const batches = [...new Set(runs.flatMap((r) => r.speed.map((s) => s.batch)))].sort((a, b) =>
    a - b
  );
  const names = [
    ...new Set(runs.flatMap((r) => r.speed.flatMap((s) => s.paths.map((p) => p.name)))),
  ];
  const rows = names.map((name) => [
    name,
    ...batches.map((batch) => {
      const values = runs.flatMap((r) =>
        r.speed.filter((s) => s.batch === batch).flatMap((s) =>
          s.paths.filter((p) => p.name === name).map((p) => p.vsSimulated)
        )
      );
      return values.length > 0 ? range(values) : "—";
    }),
  ]);
  const days = [...new Set(runs.map((r) => r.date.slice(0, 10)))].sort();
  const when = days.length === 1 ? days[0] : `${days[0]} to ${days[days.length - 1]}`;
  const setups = [...new Set(runs.map((r) => `Deno ${r.deno}, ${r.os}, ${r.cpus} CPUs`))];
  const head = ["first layer 784→128, speed vs simulated", ...batches.map((b) => `batch ${b}`)];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((v, c) => v.padEnd(widths[c])).join(" | ")} |`;
  return [
    TIMINGS_BEGIN,
    "",
    `Speed relative to the simulated int8 path: the lowest and highest same-run ratio over ` +
    `${runs.length} \`deno task demo\` run${runs.length === 1 ? "" : "s"} (${when}; ` +
    `${setups.join("; ")}).`,
    "",
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    TIMINGS_END,
  ].join("\n");
}

/**
 * Replaces the region between {@linkcode TIMINGS_BEGIN} and {@linkcode TIMINGS_END} (markers
 * included) in a document.
 *
 * @param text The document.
 * @param region The new region, markers included.
 * @returns The document with the region replaced.
 * @throws {RangeError} When the document does not hold the markers exactly once, in order.
 */
export function replaceTimings(text: string, region: string): string {
  const begin = text.indexOf(TIMINGS_BEGIN);
  const end = text.indexOf(TIMINGS_END);
  if (
    begin < 0 || end < begin || text.indexOf(TIMINGS_BEGIN, begin + 1) >= 0 ||
    text.indexOf(TIMINGS_END, end + 1) >= 0
  ) {
    throw new RangeError(
      `Cannot write demo timings: the document must hold "${TIMINGS_BEGIN}" and "${TIMINGS_END}" once each, in order`,
    );
  }
  return text.slice(0, begin) + region + text.slice(end + TIMINGS_END.length);
}
