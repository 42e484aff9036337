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
 * Runs this same Deno executable (never `"deno"` by name: under npx there is none on PATH).
 *
 * @param args Deno's arguments, e.g. `["check", "mod.ts"]`.
 * @param cwd Where to run.
 * @returns Exit code and output.
 */
export async function runDeno(args: string[], cwd: string): Promise<CommandResult> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** Options of {@linkcode runDenoIsolated}. */
export interface IsolatedOptions {
  /** Where to run. */
  readonly cwd: string;
  /** Kill the process after this many milliseconds. */
  readonly timeoutMs: number;
}

/** What {@linkcode runDenoIsolated} returns: the output, and whether the time ran out. */
export interface IsolatedResult extends CommandResult {
  /** Whether the process was killed for taking too long. */
  readonly timedOut: boolean;
}

/**
 * The environment of every process that touches a submission: only what Deno needs to find its
 * cache, and no colour.
 *
 * @returns The variables.
 */
export function isolatedEnv(): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const key of ["HOME", "DENO_DIR", "XDG_CACHE_HOME"]) {
    const value = Deno.env.get(key);
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Runs a Deno tool (`info`, `check`) on a submission's sandbox with a cleared environment and a
 * time limit. The tools read the submission but never execute it.
 *
 * @param args Deno's arguments.
 * @param options Where, and how long at most.
 * @returns Exit code, output, and whether it timed out.
 */
export async function runDenoIsolated(
  args: string[],
  options: IsolatedOptions,
): Promise<IsolatedResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: options.cwd,
    clearEnv: true,
    env: isolatedEnv(),
    stdout: "piped",
    stderr: "piped",
    signal,
  }).output();
  const text = new TextDecoder();
  return {
    code: out.code,
    stdout: text.decode(out.stdout),
    stderr: text.decode(out.stderr),
    timedOut: signal.aborted,
  };
}
