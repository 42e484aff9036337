import assert from "node:assert/strict";
import {
  type DemoRun,
  parseRuns,
  replaceTimings,
  TIMINGS_BEGIN,
  TIMINGS_END,
  timingsMarkdown,
} from "./timing_runs.ts";

function run(date: string, relaxed1: number, relaxed32: number): DemoRun {
  return {
    schema: 1,
    date,
    deno: "2.9.6",
    os: "linux",
    cpus: 2,
    speed: [
      {
        batch: 1,
        paths: [
          { name: "simulated", medianMs: 0.39, vsSimulated: 1 },
          { name: "int8 relaxed", medianMs: 0.006, vsSimulated: relaxed1 },
        ],
      },
      {
        batch: 32,
        paths: [
          { name: "simulated", medianMs: 1.5, vsSimulated: 1 },
          { name: "int8 relaxed", medianMs: 0.13, vsSimulated: relaxed32 },
        ],
      },
    ],
  };
}

Deno.test("tito: timingsMarkdown() quotes each ratio as the range over the runs, with the dates", () => {
  const md = timingsMarkdown([
    run("2026-12-03T23:59:00Z", 64.2, 11.4),
    run("2026-12-04T00:10:00Z", 58.7, 14.9),
    run("2026-12-04T00:20:00Z", 61, 13.4),
  ]);
  assert.ok(md.startsWith(TIMINGS_BEGIN) && md.endsWith(TIMINGS_END));
  assert.match(
    md,
    /over 3 `deno task demo` runs \(2026-12-03 to 2026-12-04; Deno 2\.9\.6, linux, 2 CPUs\)/,
  );
  assert.match(md, /\| int8 relaxed +\| 59–64× +\| 11–15× +\|/);
  assert.match(md, /\| simulated +\| 1\.0× +\| 1\.0× +\|/);
  assert.throws(() => timingsMarkdown([]), RangeError);
});

Deno.test("tito: replaceTimings() replaces only the marked region and refuses a missing marker", () => {
  const doc = `# A\n\nbefore\n\n${TIMINGS_BEGIN}\nold\n${TIMINGS_END}\n\nafter\n`;
  const region = `${TIMINGS_BEGIN}\nnew\n${TIMINGS_END}`;
  assert.equal(replaceTimings(doc, region), `# A\n\nbefore\n\n${region}\n\nafter\n`);
  assert.throws(() => replaceTimings("# no markers\n", region), RangeError);
  assert.throws(() => replaceTimings(doc + doc, region), RangeError);
});

Deno.test("tito: parseRuns() reads one run per line and names a bad line", () => {
  const a = run("2026-12-04T00:00:00Z", 60, 12);
  assert.deepEqual(parseRuns(`${JSON.stringify(a)}\n\n${JSON.stringify(a)}\n`), [a, a]);
  assert.throws(() => parseRuns(`${JSON.stringify(a)}\n{oops\n`), /line 2/);
  assert.throws(() => parseRuns(`{"schema":2}\n`), /line 1: not a schema 1/);
});
