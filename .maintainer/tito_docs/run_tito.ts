/**
 * Runs tito as a learner does, in a project folder: `deno run -A tito/main.ts <args>` started by
 * `Deno.execPath()`, without colour, its standard error merged into its output in the order a
 * terminal shows them.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../tito/main.ts", import.meta.url));

/** What a run printed and returned. */
export interface TitoRun {
  /** Exit code. */
  readonly code: number;
  /** Standard output and standard error, interleaved as written. */
  readonly output: string;
}

/**
 * Runs `tito <args>` in a folder (through `sh`, which merges the two streams).
 *
 * @param args The arguments after `tito`.
 * @param cwd The folder the learner types the command in.
 * @returns The exit code and the output.
 */
export async function runTito(args: readonly string[], cwd: string): Promise<TitoRun> {
  const out = await new Deno.Command("sh", {
    args: ["-c", 'exec "$@" 2>&1', "sh", Deno.execPath(), "run", "-A", MAIN, ...args],
    cwd,
    env: { NO_COLOR: "1", TITO_CWD: cwd },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, output: text.decode(out.stdout) + text.decode(out.stderr) };
}
