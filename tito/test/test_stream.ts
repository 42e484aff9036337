import type { JunitCase } from "../junit.ts";

/** What `deno test`'s console output says about a run that was stopped before it ended. */
export interface StreamedRun {
  /** The tests that ended, with their outcome (no failure messages: those come at the end). */
  readonly finished: JunitCase[];
  /** The test that had started and not ended, or `null` (e.g. stopped while loading a file). */
  readonly running: { readonly name: string; readonly file: string } | null;
  /** The last file Deno announced (`running N tests from ./file`), or `null`. */
  readonly file: string | null;
}

const OUTCOME: Record<string, JunitCase["status"]> = {
  ok: "passed",
  FAILED: "failed",
  ignored: "skipped",
};

/**
 * Reads the console output of `deno test` (no colour) as far as it got: `running N tests from
 * ./file`, then `name ... ok (1ms)` per test; a test that is still running has printed
 * `name ...` and nothing after it. Steps (indented) and captured output blocks are skipped.
 *
 * @param stdout The standard output so far.
 * @returns The finished tests and the one that was running.
 */
export function readStreamedRun(stdout: string): StreamedRun {
  const finished: JunitCase[] = [];
  let file: string | null = null;
  let running: StreamedRun["running"] = null;
  let output = false;
  for (const line of stdout.split("\n")) {
    if (/^-+ output -+$/.test(line)) output = true;
    if (/^-+ output end -+$/.test(line)) output = false;
    if (output) continue;
    const from = /^running \d+ tests? from (\S+)/.exec(line);
    if (from) {
      file = from[1];
      continue;
    }
    if (/^\s/.test(line)) continue; // a step, or output
    const dots = line.lastIndexOf(" ...");
    if (dots <= 0 || file === null) continue;
    const name = line.slice(0, dots);
    const outcome = /^\s*(ok|FAILED|ignored)\b/.exec(line.slice(dots + 4));
    if (outcome) {
      finished.push({ name, file, status: OUTCOME[outcome[1]] });
      if (running?.name === name) running = null;
    } else if (line.slice(dots + 4).trim() === "") running = { name, file };
  }
  return { finished, running, file };
}
