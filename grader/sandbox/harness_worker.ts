/**
 * The worker of a sandboxed child: the only place a submission's code runs. The sandbox's
 * generated `_grader/worker_entry.ts` imports this file and one kind of case files (the
 * visible ones, or in a later child the hidden ones) statically, and calls
 * {@linkcode runWorker} once with the cases. The worker then waits for its job and the private
 * port from the harness, freezes its intrinsics, imports the module API and reports each case's
 * observation on the port. It judges nothing: the trusted parent holds the expectations.
 *
 * @module
 */
import { type CaseSet, runCase } from "@tinytorch/course";
import { lockdown } from "./lockdown.ts";
import type { ChildMessage, WorkerJob } from "./protocol.ts";
import type { HarnessCases } from "./take_cases.ts";

// Captured before any submission code runs: later patches of these do not reach the harness.
const freeze = Object.freeze;
const keys = Object.keys;

interface Entry {
  readonly id: string;
  readonly run: CaseSet<unknown>["cases"][string]["run"];
}

function entriesOf(sets: readonly CaseSet<unknown>[], kind: string): readonly Entry[] {
  const out: Entry[] = [];
  for (const set of sets) {
    for (const name of keys(set.cases)) {
      const c = set.cases[name];
      out.push({ id: `${kind}:${set.task} ${name}`, run: c.run });
      freeze(c);
    }
    freeze(set.cases);
    freeze(set);
  }
  return freeze(out);
}

function receiveJob(): Promise<{ job: WorkerJob; port: MessagePort }> {
  const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null };
  return new Promise((resolve) => {
    scope.onmessage = (event) => {
      scope.onmessage = null;
      resolve({ job: event.data as WorkerJob, port: event.ports[0] });
    };
  });
}

async function loadApi(job: WorkerJob): Promise<Record<string, unknown>> {
  for (const path of job.private) await Deno.permissions.revoke({ name: "read", path });
  for (const specifier of job.preload) await import(specifier);
  lockdown();
  // Now the submission: the module under test and its prerequisites (reference code), each
  // package followed by its ./tasks export when it has one (the catalog's `api`, in order).
  const merged: Record<string, unknown> = {};
  for (const name of job.packages) {
    const namespace = await import(name);
    for (const key of keys(namespace)) merged[key] = namespace[key];
  }
  return freeze(merged);
}

function errorFields(error: unknown): { name: string; message: string } {
  try {
    const e = error instanceof Error ? error : new Error(String(error));
    return { name: String(e.name), message: String(e.message) };
  } catch {
    return { name: "Error", message: "(an error that cannot be printed)" };
  }
}

let claimed = false;

/**
 * Runs the cases against the submission and reports each observation on the harness's port.
 * Called once, by the worker entry, before any submission code is loaded; any later call (a
 * submission importing this module) throws, and holds no port anyway.
 *
 * @param cases The cases of this child, taken out of the case modules by the entry.
 */
export async function runWorker(cases: HarnessCases): Promise<void> {
  if (claimed) throw new Error("The harness runs once");
  claimed = true;
  const entries = [...entriesOf(cases.visible, "visible"), ...entriesOf(cases.hidden, "hidden")];
  const { job, port } = await receiveJob();
  const post = (m: ChildMessage) => port.postMessage(m);
  let api: Record<string, unknown>;
  try {
    api = await loadApi(job);
  } catch (error) {
    return post({ type: "loadError", error: errorFields(error) });
  }
  post({ type: "loaded", ids: entries.map((e) => e.id) });
  for (let i = job.from; i < entries.length; i++) {
    post({ type: "start", index: i });
    post({ type: "result", index: i, observation: await runCase({ run: entries[i].run }, api) });
  }
  post({ type: "done" });
}
