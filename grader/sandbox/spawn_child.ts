/**
 * How a grading child is started: the `deno run` arguments of the harness, and the process that
 * runs them, directly or (with `os` isolation) inside bubblewrap and a cgroup.
 *
 * @module
 */
import { isolatedEnv } from "../deno_process.ts";
import { HARNESS_PATH } from "./entry_source.ts";
import type { Limits } from "./limits.ts";
import {
  bwrapArgs,
  type Cgroup,
  type Isolation,
  joinScript,
  linkedLibraries,
} from "./os_isolation.ts";

/** What {@linkcode spawnChild} needs. */
export interface SpawnOptions {
  /** The sandbox root. */
  readonly sandbox: string;
  /** Extra folders the worker may read, relative to the sandbox. */
  readonly readable?: readonly string[];
  /** Limits. */
  readonly limits: Limits;
  /** OS-level isolation; default none. */
  readonly isolation?: Isolation;
}

/**
 * The `deno run` arguments of a sandboxed child. The harness may reach its socket (net, read and
 * write of that one path) until it gives those up, before the worker starts. What remains, and
 * what the worker inherits, is reading the sandbox's `modules/` (the course packages and the
 * visible cases), `_grader/` (the worker's own files) and the `readable` folders. No prompts, only
 * cached and locked dependencies, environment reads answered with `undefined`, a capped JS heap.
 *
 * @param sandbox The sandbox root.
 * @param socket The grader's socket for this child.
 * @param heapMb The heap cap.
 * @param readable Extra readable folders, relative to the sandbox.
 * @returns The arguments.
 */
export function sandboxArgs(
  sandbox: string,
  socket: string,
  heapMb: number,
  readable: readonly string[] = [],
): string[] {
  const read = [
    `${sandbox}/modules`,
    `${sandbox}/_grader`,
    ...readable.map((r) => `${sandbox}/${r}`),
  ];
  return [
    "run",
    "--no-prompt",
    "--cached-only",
    "--frozen",
    "--ignore-env",
    `--allow-read=${[...read, socket].join(",")}`,
    `--allow-write=${socket}`,
    `--allow-net=unix:${socket}`,
    `--v8-flags=--max-old-space-size=${heapMb}`,
    HARNESS_PATH,
  ];
}

let libraries: Promise<string[]> | undefined;

function denoDir(env: Record<string, string>): string {
  return env.DENO_DIR ?? `${env.XDG_CACHE_HOME ?? `${env.HOME}/.cache`}/deno`;
}

// Under `os` isolation: sh joins the cgroup and sets RLIMIT_CPU, then execs bubblewrap, which
// runs Deno in its namespaces; `child.pid` is bubblewrap's, and killing it ends them all.
/**
 * Starts a grading child with piped standard streams.
 *
 * @param options Sandbox, limits, isolation.
 * @param socket The parent's socket for this child.
 * @param cgroup The child's cgroup, with `os` isolation.
 * @returns The process (under `os`, bubblewrap's).
 */
export async function spawnChild(
  options: SpawnOptions,
  socket: string,
  cgroup: Cgroup | null,
): Promise<Deno.ChildProcess> {
  const args = sandboxArgs(options.sandbox, socket, options.limits.heapMb, options.readable);
  const env = isolatedEnv();
  const io = { stdin: "piped", stdout: "piped", stderr: "piped" } as const;
  if (options.isolation?.mode !== "os") {
    return new Deno.Command(Deno.execPath(), {
      args,
      cwd: options.sandbox,
      clearEnv: true,
      env,
      ...io,
    }).spawn();
  }
  const deno = await Deno.realPath(Deno.execPath());
  libraries ??= linkedLibraries(deno);
  const dir = denoDir(env);
  const layout = {
    deno,
    libraries: await libraries,
    denoDir: await Deno.realPath(dir),
    sandbox: options.sandbox,
    socketDir: socket.slice(0, socket.lastIndexOf("/")),
    env: { ...env, DENO_DIR: dir },
    tmpfsMb: OS_TMPFS_MB,
  };
  const cpuSeconds = options.limits.timeoutMs / 1000 + 5;
  return new Deno.Command("sh", {
    args: [
      "-c",
      joinScript(cgroup, cpuSeconds),
      "sh",
      "bwrap",
      ...bwrapArgs(layout),
      deno,
      ...args,
    ],
    cwd: options.sandbox,
    clearEnv: true,
    env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin" },
    ...io,
  }).spawn();
}

/** The private `/tmp` of an OS-isolated child, MiB: the one place it could write. */
export const OS_TMPFS_MB = 16;

/** Processes and threads an OS-isolated child may have (Deno alone runs about 20 threads). */
export const OS_PIDS = 512;
