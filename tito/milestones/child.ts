/**
 * The child process of `tito milestone run`: it imports a milestone's run (and so the learner's
 * modules) and runs it, so that tito, in the parent, can stop a run that never ends (an infinite
 * loop in a module) and is never broken by the learner's code. It talks to tito on standard
 * output, one message per line after {@linkcode MESSAGE_MARK}: `{ "log": line }`,
 * `{ "progress": [label, done, total] }`, then `{ "outcome": … }` or
 * `{ "error": { name, message, stage } }`. Other output is the learner's own printing.
 *
 * Run by tito as `deno run -A --config <project>/deno.json milestones/child.ts <id>
 * <thresholds as JSON> [--progress]`, so the project's import map resolves the modules.
 *
 * @module
 */
import { MESSAGE_MARK, type MilestoneRun, RUN_FILES } from "./runner.ts";

const encoder = new TextEncoder();

function send(message: unknown): void {
  let bytes = encoder.encode(`${MESSAGE_MARK}${JSON.stringify(message)}\n`);
  while (bytes.length) bytes = bytes.subarray(Deno.stdout.writeSync(bytes));
}

function fail(error: unknown, stage: "load" | "run"): void {
  const e = error instanceof Error ? error : new Error(String(error));
  send({ error: { name: e.name, message: e.message, stage } });
}

/** A progress callback that sends a message when the whole percentage changes. */
function progress(label: string) {
  let last = -1;
  return (done: number, total: number) => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (percent === last && done < total) return;
    last = percent;
    send({ progress: [label, done, total] });
  };
}

const [id, thresholds, ...flags] = Deno.args;
const file = RUN_FILES[id];
let run: MilestoneRun | undefined;
try {
  if (!file) throw new RangeError(`tito has no run for milestone ${id}`);
  run = (await import(new URL(file, import.meta.url).href)).run;
} catch (error) {
  fail(error, "load");
}
if (run) {
  try {
    const outcome = await run({
      root: Deno.cwd(),
      thresholds: JSON.parse(thresholds),
      log: (line) => send({ log: line }),
      progress: (label) => flags.includes("--progress") ? progress(label) : undefined,
    });
    send({ outcome });
  } catch (error) {
    fail(error, "run");
  }
}
Deno.exit(0); // a timer the learner's code left behind must not keep the run alive
