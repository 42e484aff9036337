/** What a finished command printed and returned. */
export interface CommandResult {
  /** The exit code. */
  readonly code: number;
  /** Standard output as text. */
  readonly stdout: string;
  /** Standard error as text. */
  readonly stderr: string;
  /** The command ran past its time limit (or its signal aborted) and was killed. */
  readonly timedOut: boolean;
}

/** Options of {@linkcode runDeno}. */
export interface RunDenoOptions {
  /** Kill the child after this many milliseconds (default: no limit). */
  readonly timeoutMs?: number;
  /** Called with each line of standard output as it arrives (without its newline). */
  readonly onLine?: (line: string) => void;
  /** Called with each piece of standard output as it arrives (a line may come in pieces). */
  readonly onOutput?: (text: string) => void;
  /** Kills the child (as the time limit does) when aborted. */
  readonly signal?: AbortSignal;
}

/** How long to wait for the pipes after killing a child (a grandchild may hold them open). */
const DRAIN_MS = 2000;

async function collect(
  stream: ReadableStream<Uint8Array>,
  stop: Promise<void>,
  onLine?: (line: string) => void,
  onOutput?: (text: string) => void,
): Promise<string> {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let pending = "";
  const stopped = stop.then(() => ({ done: true, value: undefined }) as const);
  while (true) {
    const { done, value } = await Promise.race([reader.read(), stopped]);
    if (done) break;
    text += value;
    onOutput?.(value);
    if (!onLine) continue;
    const lines = (pending + value).split("\n");
    pending = lines.pop()!;
    for (const line of lines) onLine(line);
  }
  reader.cancel().catch(() => {});
  if (onLine && pending) onLine(pending);
  return text;
}

/**
 * Runs this same Deno executable (never `"deno"` by name: under npx there is none on PATH),
 * without colour so its output can be read and shown; with `timeoutMs`, the child is killed
 * (SIGKILL) when it runs longer (or when `signal` aborts), and what it printed so far is returned.
 *
 * @param args Deno's arguments, e.g. `["check", "mod.ts"]`.
 * @param cwd Where to run (Deno finds the project's `deno.json` from there).
 * @param options A time limit; callbacks for standard output; a signal that kills the child.
 * @returns Exit code and output.
 */
export async function runDeno(
  args: string[],
  cwd: string,
  options: RunDenoOptions = {},
): Promise<CommandResult> {
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  let drain: ReturnType<typeof setTimeout> | undefined;
  let killed = () => {};
  const stop = new Promise<void>((resolve) => killed = resolve);
  const kill = () => {
    if (timedOut) return;
    timedOut = true;
    try {
      child.kill("SIGKILL");
    } catch {
      // it has just ended
    }
    drain = setTimeout(killed, DRAIN_MS);
  };
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(kill, options.timeoutMs);
  if (options.signal?.aborted) kill();
  options.signal?.addEventListener("abort", kill);
  try {
    const [stdout, stderr, status] = await Promise.all([
      collect(child.stdout, stop, options.onLine, options.onOutput),
      collect(child.stderr, stop),
      child.status,
    ]);
    return { code: status.code, stdout, stderr, timedOut };
  } finally {
    clearTimeout(timer);
    clearTimeout(drain);
    options.signal?.removeEventListener("abort", kill);
    killed();
  }
}
