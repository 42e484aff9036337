import type { CommandResult } from "@tinytorch/tito/deno_process";
export { type CommandResult, runDeno } from "@tinytorch/tito/deno_process";

/** Options of {@linkcode runDenoIsolated}. */
export interface IsolatedOptions {
  /** Where to run. */
  readonly cwd: string;
  /** Kill the process after this many milliseconds. */
  readonly timeoutMs: number;
  /** Kill the process when its resident memory passes this many MiB. */
  readonly memoryMb: number;
}

/** What {@linkcode runDenoIsolated} returns: the output, and whether a limit stopped it. */
export interface IsolatedResult extends CommandResult {
  /** Whether the process was killed for taking too long. */
  readonly timedOut: boolean;
  /** Whether the process was killed for using too much memory. */
  readonly outOfMemory: boolean;
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
 * A process's resident memory, from `/proc/<pid>/status`.
 *
 * @param pid The process.
 * @returns MiB, or `undefined` where there is no `/proc` or the process is gone.
 */
export async function residentMb(pid: number): Promise<number | undefined> {
  try {
    const status = await Deno.readTextFile(`/proc/${pid}/status`);
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const text = await Deno.readTextFile(`/proc/${pid}/task/${pid}/children`);
    return text.trim().split(/\s+/).filter((s) => s !== "").map(Number);
  } catch {
    return [];
  }
}

/**
 * The resident memory of a process and all its descendants (bubblewrap, then Deno inside it).
 *
 * @param pid The root process.
 * @returns MiB, or `undefined` where there is no `/proc` or the process is gone.
 */
export async function treeResidentMb(pid: number): Promise<number | undefined> {
  const own = await residentMb(pid);
  if (own === undefined) return undefined;
  let total = own;
  for (const child of await childrenOf(pid)) total += (await treeResidentMb(child)) ?? 0;
  return total;
}

/** Reads a text file synchronously; injectable so tests can stand in for a system without `/proc`. */
export type ReadText = (path: string) => string;

let cachedProblem: { problem: string | undefined } | undefined;

/**
 * Why the resident-memory cap (`Limits.memoryMb`, `--memory`) cannot be enforced on this system, or
 * `undefined` where it can. The cap polls `/proc/<pid>/status`; where there is no `/proc` (macOS,
 * Windows) the polling finds nothing and, without this, would do nothing silently. Only V8's heap
 * cap (`--max-old-space-size`) and the time and output caps then apply.
 *
 * @example Usage
 * ```ts
 * import { memoryCapProblem } from "./deno_process.ts";
 * import assert from "node:assert/strict";
 * const noProc = () => {
 *   throw new Deno.errors.NotFound("no /proc");
 * };
 * assert.match(memoryCapProblem(noProc) ?? "", /not enforced/);
 * ```
 *
 * @param read How to read a file; default `Deno.readTextFileSync` (the answer is then cached).
 * @returns The problem, naming the file that could not be read, or `undefined`.
 */
export function memoryCapProblem(read?: ReadText): string | undefined {
  if (!read && cachedProblem) return cachedProblem.problem;
  const path = "/proc/self/status";
  let problem: string | undefined;
  try {
    const status = (read ?? Deno.readTextFileSync)(path);
    if (!/VmRSS:\s+\d+\s+kB/.test(status)) problem = `${path} has no VmRSS line`;
  } catch (error) {
    problem = `${path} cannot be read (${error instanceof Error ? error.name : String(error)})`;
  }
  const message = problem &&
    `The resident-memory cap was not enforced: ${problem}, so /proc/<pid>/status of a child ` +
      `cannot be polled on ${Deno.build.os}. Only the JS heap, time and output caps applied.`;
  if (!read) cachedProblem = { problem: message };
  return message;
}

/**
 * Runs a Deno tool (`info`, `check`) on a submission's sandbox with a cleared environment, a time
 * limit and a memory limit (resident memory polled every 50 ms). The tools read the submission
 * but never execute it.
 *
 * @param args Deno's arguments.
 * @param options Where, how long and how much memory at most.
 * @returns Exit code, output, and which limit stopped it, if any.
 */
export async function runDenoIsolated(
  args: string[],
  options: IsolatedOptions,
): Promise<IsolatedResult> {
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: options.cwd,
    clearEnv: true,
    env: isolatedEnv(),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  let outOfMemory = false;
  const kill = () => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, options.timeoutMs);
  const poll = setInterval(async () => {
    const mb = await residentMb(child.pid);
    if (mb !== undefined && mb > options.memoryMb) {
      outOfMemory = true;
      kill();
    }
  }, 50);
  try {
    const out = await child.output();
    const text = new TextDecoder();
    return {
      code: out.code,
      stdout: text.decode(out.stdout),
      stderr: text.decode(out.stderr),
      timedOut,
      outOfMemory,
    };
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
}
