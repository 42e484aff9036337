import type { Observation } from "@tinytorch/course";
import { isolatedEnv } from "./deno_process.ts";
import type { Limits } from "./limits.ts";

/**
 * What the harness is told on stdin besides the nonce and the first case. The case files are not
 * part of it: the sandbox's entry imports them (see `entry_source.ts`).
 */
export interface HarnessJob {
  /** Packages merged into the API, prerequisites first. */
  readonly packages: readonly string[];
  /**
   * Modules loaded before the harness freezes the intrinsics: the npm allowlist and the Node
   * built-ins they use, so that libraries which patch prototypes at load time still load.
   */
  readonly preload: readonly string[];
}

/** Why a child ended. */
export type EndCause =
  | "exit"
  | "load-timeout"
  | "case-timeout"
  | "budget"
  | "memory"
  | "heap"
  | "output"
  | "abort";

/** What one child process reported before it ended. */
export interface ChildEnd {
  /** Case ids the child announced once loaded (undefined: it never loaded). */
  readonly ids?: readonly string[];
  /** The harness's report of a failed import. */
  readonly loadError?: { readonly name: string; readonly message: string };
  /** Observations by case index. */
  readonly results: ReadonlyMap<number, Observation>;
  /** A case that started and did not report. */
  readonly current?: number;
  /** Whether the harness finished every case. */
  readonly done: boolean;
  /** Why it ended. */
  readonly cause: EndCause;
  /** Exit code. */
  readonly code: number;
  /** Output that was not protocol, capped. */
  readonly log: string;
}

/** Options of {@linkcode runChild}. */
export interface ChildOptions {
  /** The sandbox root (only its `modules/` is readable). */
  readonly sandbox: string;
  /** The main module (the sandbox's entry), relative to the sandbox. */
  readonly entry: string;
  /** The job. */
  readonly job: HarnessJob;
  /** First case to run. */
  readonly from: number;
  /** The submission's deadline (`performance.now()` time). */
  readonly deadline: number;
  /** Limits. */
  readonly limits: Limits;
  /** Stops the child. */
  readonly signal?: AbortSignal;
}

const LOG_CAP = 64 * 1024;

/**
 * The `deno run` arguments of a sandboxed child: no permission but reading the sandbox's
 * `modules/` (the course packages, which the harness imports by name), no prompts, only cached
 * and locked dependencies, environment reads answered with `undefined`, and a capped JS heap. The
 * harness and the case files (`_grader/`, `grader/hidden/`) are loaded by the entry's static
 * imports, which need no read permission, so the submission cannot read them.
 *
 * @param sandbox The sandbox root.
 * @param entry The main module, relative to the sandbox.
 * @param heapMb The heap cap.
 * @returns The arguments.
 */
export function sandboxArgs(sandbox: string, entry: string, heapMb: number): string[] {
  return [
    "run",
    "--no-prompt",
    "--cached-only",
    "--frozen",
    "--ignore-env",
    `--allow-read=${sandbox}/modules`,
    `--v8-flags=--max-old-space-size=${heapMb}`,
    entry,
  ];
}

async function residentMb(pid: number): Promise<number | undefined> {
  try {
    const status = await Deno.readTextFile(`/proc/${pid}/status`);
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

class ChildState {
  ids?: string[];
  loadError?: { name: string; message: string };
  results = new Map<number, Observation>();
  current?: number;
  done = false;
  cause: EndCause = "exit";
  log = "";
  bytes = 0;

  note(text: string): void {
    if (this.log.length < LOG_CAP) this.log += text.slice(0, LOG_CAP - this.log.length);
  }

  handle(message: unknown): void {
    if (!Array.isArray(message)) return;
    const [type, a, b] = message;
    if (type === "loaded" && Array.isArray(a)) this.ids = a.map(String);
    else if (type === "loadError" && a && typeof a === "object") {
      this.loadError = { name: String(a.name), message: String(a.message) };
    } else if (type === "start" && Number.isInteger(a)) this.current = a;
    else if (type === "result" && Number.isInteger(a) && this.ids !== undefined) {
      this.results.set(a, b as Observation);
      if (this.current === a) this.current = undefined;
    } else if (type === "done") this.done = true;
  }
}

interface Streams {
  readonly state: ChildState;
  readonly nonce: string;
  readonly limit: number;
  readonly overflow: () => void;
  readonly onMessage: () => void;
}

function count(s: Streams, chunk: Uint8Array): void {
  s.state.bytes += chunk.length;
  if (s.state.bytes > s.limit) s.overflow();
}

async function readProtocol(stream: ReadableStream<Uint8Array>, s: Streams): Promise<void> {
  const decoder = new TextDecoder();
  const prefix = `${s.nonce} `;
  let pending = "";
  const line = (text: string) => {
    if (!text.startsWith(prefix)) return s.state.note(text + "\n");
    try {
      s.state.handle(JSON.parse(text.slice(prefix.length)));
      s.onMessage();
    } catch {
      s.state.note("(unreadable protocol line)\n");
    }
  };
  for await (const chunk of stream) {
    count(s, chunk);
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    lines.forEach(line);
  }
  if (pending) line(pending);
}

async function readLog(stream: ReadableStream<Uint8Array>, s: Streams): Promise<void> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    count(s, chunk);
    s.state.note(decoder.decode(chunk, { stream: true }));
  }
}

function spawn(options: ChildOptions): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: sandboxArgs(options.sandbox, options.entry, options.limits.heapMb),
    cwd: options.sandbox,
    clearEnv: true,
    env: isolatedEnv(),
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

async function sendJob(child: Deno.ChildProcess, job: unknown): Promise<void> {
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(job))).catch(() => {});
  await writer.close().catch(() => {});
}

/**
 * Runs the harness once in a child process under the limits, from case `from` on, and collects
 * what it reported until it finished, died or was killed.
 *
 * @param options Sandbox, job, limits.
 * @returns What the child reported and why it ended.
 */
export async function runChild(options: ChildOptions): Promise<ChildEnd> {
  const { limits } = options;
  const nonce = crypto.randomUUID();
  const child = spawn(options);
  const state = new ChildState();
  let killed = false;
  const kill = (cause: EndCause) => {
    if (killed) return;
    killed = true;
    state.cause = cause;
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    const loaded = state.ids !== undefined;
    const span = loaded ? limits.caseTimeoutMs : limits.loadTimeoutMs;
    const left = options.deadline - performance.now();
    const cause: EndCause = left < span ? "budget" : loaded ? "case-timeout" : "load-timeout";
    timer = setTimeout(() => kill(cause), Math.max(0, Math.min(span, left)));
  };
  arm();
  const poll = setInterval(async () => {
    const mb = await residentMb(child.pid);
    if (mb !== undefined && mb > limits.memoryMb) kill("memory");
  }, 50);
  const onAbort = () => kill("abort");
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort);
  const streams: Streams = {
    state,
    nonce,
    limit: limits.outputBytes,
    overflow: () => kill("output"),
    onMessage: arm,
  };
  try {
    await sendJob(child, { ...options.job, nonce, from: options.from });
    const [status] = await Promise.all([
      child.status,
      readProtocol(child.stdout, streams),
      readLog(child.stderr, streams),
    ]);
    if (!killed && isHeapExhaustion(status, state.log)) state.cause = "heap";
    return {
      ids: state.ids,
      loadError: state.loadError,
      results: state.results,
      current: state.current,
      done: state.done,
      cause: state.cause,
      code: status.code,
      log: state.log,
    };
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

function isHeapExhaustion(status: Deno.CommandStatus, log: string): boolean {
  return status.code === 133 || status.signal === "SIGTRAP" ||
    /Reached heap limit|heap out of memory/i.test(log);
}
