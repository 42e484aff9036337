/**
 * `deno task docs:timings [--last=5]`: rewrites the README's demo-timings region from the last
 * runs recorded in `reports/demo_runs.jsonl` (each `deno task demo` appends one), as the range of
 * each same-run ratio and the dates. It needs at least 3 runs: one run's figure is not a range.
 * Timings are quoted, never checked in CI.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- an entry point: printing is its job
import { parseRuns, replaceTimings, timingsMarkdown } from "./timing_runs.ts";

const MIN_RUNS = 3;
const last = Number(Deno.args.find((a) => a.startsWith("--last="))?.slice(7) ?? 5);
const root = new URL("../../", import.meta.url);
const runsFile = new URL("reports/demo_runs.jsonl", root);
const readme = new URL("README.md", root);

let text = "";
try {
  text = await Deno.readTextFile(runsFile);
} catch (error) {
  if (!(error instanceof Deno.errors.NotFound)) throw error;
}
const runs = parseRuns(text).slice(-Math.max(MIN_RUNS, last));
if (runs.length < MIN_RUNS) {
  console.error(
    `❌ ${runsFile.pathname} holds ${runs.length} demo run(s); a range needs ${MIN_RUNS}: ` +
      `run deno task demo ${MIN_RUNS - runs.length} more time(s).`,
  );
  Deno.exit(1);
}
await Deno.writeTextFile(
  readme,
  replaceTimings(await Deno.readTextFile(readme), timingsMarkdown(runs)),
);
const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", readme.pathname] })
  .output();
if (fmt.code !== 0) Deno.exit(fmt.code);
console.log(`wrote the demo timings of ${runs.length} runs into ${readme.pathname}`);
