/**
 * The child's main thread, the sandboxed `deno run` that grades one submission (never
 * `deno test`). It runs no submission code. It reads its job on stdin, connects to the grader's
 * Unix socket, then gives up the permissions that reach the socket (net, write, reading its path)
 * and starts the worker (the sandbox's generated `_grader/worker_entry.ts`), which inherits what
 * is left: reading the course. The worker imports the submission and runs the cases; it reports
 * over a private `MessagePort` that only the harness code in it holds, and this thread relays
 * each message, re-validated by the protocol's state, to the socket.
 *
 * So the submission can print anything (stdout and stderr are the student's, the grader only
 * logs them), post anything on the worker's global channel (ignored), and holds no secret: the
 * socket is a capability of another isolate, refused to it by permission, and its resource table
 * is its own.
 *
 * @module
 */
import {
  type ChildMessage,
  type HarnessJob,
  ProtocolError,
  ProtocolState,
  toMessage,
  type WorkerJob,
} from "./protocol.ts";

/** Exit codes of the child (the grader reads only the socket, and these for its log). */
const EXIT = { done: 0, loadError: 3, workerError: 4, protocol: 5 } as const;

async function connect(job: HarnessJob): Promise<Deno.UnixConn> {
  const conn = await Deno.connect({ transport: "unix", path: job.socket });
  await Deno.permissions.revoke({ name: "net" });
  await Deno.permissions.revoke({ name: "write" });
  await Deno.permissions.revoke({ name: "read", path: job.socket });
  return conn;
}

function sender(conn: Deno.UnixConn): (m: ChildMessage) => Promise<void> {
  const encoder = new TextEncoder();
  let queue = Promise.resolve();
  return (m) => {
    const bytes = encoder.encode(JSON.stringify(m) + "\n");
    queue = queue.then(async () => {
      for (let at = 0; at < bytes.length;) at += await conn.write(bytes.subarray(at));
    });
    return queue;
  };
}

const job = JSON.parse(await new Response(Deno.stdin.readable).text()) as HarnessJob;
const conn = await connect(job);
const send = sender(conn);
const state = new ProtocolState(job.from);

const worker = new Worker(new URL(job.worker, import.meta.url).href, { type: "module" });
worker.onmessage = () => {}; // the worker's global channel is the submission's: ignored
worker.onerror = (event) => {
  event.preventDefault();
  Deno.exit(EXIT.workerError);
};
const channel = new MessageChannel();
channel.port1.onmessage = async (event) => {
  if (state.done || state.failed) return;
  let m: ChildMessage;
  try {
    m = toMessage(event.data);
    state.accept(m);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    Deno.exit(EXIT.protocol);
  }
  await send(m);
  if (m.type === "done" || m.type === "loadError") {
    conn.close();
    Deno.exit(m.type === "done" ? EXIT.done : EXIT.loadError);
  }
};
const workerJob: WorkerJob = {
  from: job.from,
  packages: job.packages,
  preload: job.preload,
  private: job.private,
};
worker.postMessage(workerJob, [channel.port2]);
