/** What a finished command printed and returned. */
export interface CommandResult {
  /** The exit code. */
  readonly code: number;
  /** Standard output as text. */
  readonly stdout: string;
  /** Standard error as text. */
  readonly stderr: string;
}

/**
 * Runs this same Deno executable (never `"deno"` by name: under npx there is none on PATH),
 * without colour so its output can be read and shown.
 *
 * @param args Deno's arguments, e.g. `["check", "mod.ts"]`.
 * @param cwd Where to run (Deno finds the project's `deno.json` from there).
 * @returns Exit code and output.
 */
export async function runDeno(args: string[], cwd: string): Promise<CommandResult> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}
