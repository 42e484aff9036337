import { createCgroup, type Isolation, oomKilled, removeCgroup } from "./os_isolation.ts";
import { OS_PIDS, spawnChild } from "./spawn_child.ts";
import type { Observation } from "@tinytorch/course";
import { residentMb, treeResidentMb } from "../deno_process.ts";
import { WORKER_ENTRY_PATH } from "./entry_source.ts";
import type { Limits } from "./limits.ts";
import {
  type HarnessJob,
  parseMessage,
  ProtocolError,
  ProtocolState,
  type WorkerJob,
} from "./protocol.ts";

/** What the grader tells a child about its cases (the socket and the worker are its own). */
export type CaseJob = Omit<WorkerJob, "from" | "private">;

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
  /** A message the harness sent out of order or malformed (a grader fault), if any. */
  readonly protocolError?: string;
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
  /** The most resident memory seen (polled every 50 ms), MiB; 0 where it cannot be read. */
  readonly peakMb: number;
}

/** Options of {@linkcode runChild}. */
export interface ChildOptions {
  /** The sandbox root. */
  readonly sandbox: string;
  /** Extra folders the worker may read (the hidden case files), relative to the sandbox. */
  readonly readable?: readonly string[];
  /** The job. */
  readonly job: CaseJob;
  /** First case to run. */
  readonly from: number;
  /** The submission's deadline (`performance.now()` time). */
  readonly deadline: number;
  /** Limits. */
  readonly limits: Limits;
  /** Stops the child. */
  readonly signal?: AbortSignal;
  /** OS-level isolation around the child; default none (`process`). */
  readonly isolation?: Isolation;
}

const LOG_CAP = 64 * 1024;

class ChildState {
  readonly protocol: ProtocolState;
  loadError?: { name: string; message: string };
  results = new Map<number, Observation>();
  protocolError?: string;
  cause: EndCause = "exit";
  log = "";
  bytes = 0;

  constructor(from: number) {
    this.protocol = new ProtocolState(from);
  }

  note(text: string): void {
    if (this.log.length < LOG_CAP) this.log += text.slice(0, LOG_CAP - this.log.length);
  }

  /** Takes one socket line; a bad one ends the protocol (nothing after it counts). */
  handle(line: string): void {
    if (this.protocolError !== undefined) return;
    try {
      const m = parseMessage(line);
      this.protocol.accept(m);
      if (m.type === "loadError") this.loadError = m.error;
      if (m.type === "result") this.results.set(m.index, m.observation);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.protocolError = error.message;
    }
  }
}

async function readLines(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    lines.forEach(onLine);
  }
  if (pending) onLine(pending);
}

async function readLog(
  stream: ReadableStream<Uint8Array>,
  state: ChildState,
  limit: number,
  overflow: () => void,
): Promise<void> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    state.bytes += chunk.length;
    if (state.bytes > limit) overflow();
    state.note(decoder.decode(chunk, { stream: true }));
  }
}

async function sendJob(child: Deno.ChildProcess, job: unknown): Promise<void> {
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(job))).catch(() => {});
  await writer.close().catch(() => {});
}

/** Accepts the harness's one connection, or none if the child ends first. */
async function acceptOne(
  listener: Deno.Listener<Deno.UnixConn>,
  ended: Promise<unknown>,
): Promise<Deno.UnixConn | undefined> {
  const closed = ended.then(() => undefined);
  const conn = await Promise.race([listener.accept().catch(() => undefined), closed]);
  listener.close();
  return conn;
}

/**
 * Runs the harness once in a child process under the limits, from case `from` on, and collects
 * what it reported on its socket until it finished, died or was killed. The socket lives in a
 * private folder of the grader's; the child's stdout and stderr are only logged.
 *
 * @param options Sandbox, job, limits.
 * @returns What the child reported and why it ended.
 */
export async function runChild(options: ChildOptions): Promise<ChildEnd> {
  const { limits } = options;
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-socket-" });
  const socket = `${await Deno.realPath(dir)}/harness.sock`;
  const listener = Deno.listen({ transport: "unix", path: socket });
  const iso = options.isolation;
  const cgroup = iso?.mode === "os" && iso.cgroups
    ? await createCgroup(iso.cgroups, `child-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`, {
      memoryMb: limits.memoryMb,
      pids: OS_PIDS,
      cores: 1,
    })
    : null;
  const child = await spawnChild(options, socket, cgroup).catch(async (error) => {
    if (cgroup) await removeCgroup(cgroup);
    throw error;
  });
  const state = new ChildState(options.from);
  let peakMb = 0;
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
    const loaded = state.protocol.ids !== undefined;
    const span = loaded ? limits.caseTimeoutMs : limits.loadTimeoutMs;
    const left = options.deadline - performance.now();
    const cause: EndCause = left < span ? "budget" : loaded ? "case-timeout" : "load-timeout";
    timer = setTimeout(() => kill(cause), Math.max(0, Math.min(span, left)));
  };
  arm();
  const poll = setInterval(async () => {
    const mb = iso?.mode === "os" ? await treeResidentMb(child.pid) : await residentMb(child.pid);
    if (mb !== undefined) peakMb = Math.max(peakMb, mb);
    if (mb !== undefined && mb > limits.memoryMb) kill("memory");
  }, 50);
  const onAbort = () => kill("abort");
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort);
  const overflow = () => kill("output");
  try {
    const job: HarnessJob = {
      ...options.job,
      from: options.from,
      private: ["_grader", ...(options.readable ?? [])],
      socket,
      worker: WORKER_ENTRY_PATH.slice(WORKER_ENTRY_PATH.lastIndexOf("/") + 1),
    };
    await sendJob(child, job);
    const protocol = acceptOne(listener, child.status).then(async (conn) => {
      if (!conn) return;
      await readLines(conn.readable, (line) => {
        state.bytes += line.length + 1;
        if (state.bytes > limits.outputBytes) overflow();
        state.handle(line);
        if (state.protocol.done) clearTimeout(timer);
        else arm();
      }).catch(() => {});
    });
    const [status] = await Promise.all([
      child.status,
      protocol,
      readLog(child.stdout, state, limits.outputBytes, overflow),
      readLog(child.stderr, state, limits.outputBytes, overflow),
    ]);
    if (!killed && isHeapExhaustion(status, state.log)) state.cause = "heap";
    if (!killed && cgroup && await oomKilled(cgroup)) state.cause = "memory";
    const p = state.protocol;
    return {
      ids: p.ids,
      loadError: state.loadError,
      results: state.results,
      protocolError: state.protocolError,
      current: p.current,
      done: p.done,
      cause: state.cause,
      code: status.code,
      log: state.log,
      peakMb: Math.round(peakMb),
    };
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    options.signal?.removeEventListener("abort", onAbort);
    try {
      listener.close();
    } catch {
      // closed on accept
    }
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    if (cgroup) await removeCgroup(cgroup);
  }
}

function isHeapExhaustion(status: Deno.CommandStatus, log: string): boolean {
  return status.code === 133 || status.signal === "SIGTRAP" ||
    /Reached heap limit|heap out of memory/i.test(log);
}
