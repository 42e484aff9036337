import type { Isolation } from "./os_isolation.ts";
import type { Observation } from "@tinytorch/course";
import { type CaseJob, type ChildEnd, type EndCause, runChild } from "./child_process.ts";
import { type Catalog, hiddenDir } from "../catalog.ts";
import { formatBytes, type Limits } from "./limits.ts";
import { type Sandbox, useCases } from "./sandbox.ts";
import type { FailureKind } from "../result.ts";

/** A failure that is not a comparison: the child could not report the case. */
export interface RunFailure {
  /** The kind shown in feedback. */
  readonly kind: FailureKind;
  /** What happened. */
  readonly message: string;
}

/** What became of one case in the child: an observation, or a failure to report one. */
export type CaseOutcome =
  | { readonly observation: Observation }
  | { readonly failure: RunFailure };

/** The outcome of {@linkcode runCases}. */
export interface RunReport {
  /** One outcome per expected case, in order. */
  readonly outcomes: readonly CaseOutcome[];
  /** Set when the submission did not load: every case then failed with it. */
  readonly loadFailure?: RunFailure;
  /** Child output that was not protocol (instructor's log), capped per child. */
  readonly log: string;
  /** How many child processes ran. */
  readonly children: number;
  /** The most resident memory one child used, MiB. */
  readonly peakMb: number;
}

/** Options of {@linkcode runCases}. */
export interface RunCasesOptions {
  /** The sandbox root. */
  readonly sandbox: string;
  /** Extra folders the worker may read (the hidden case files), relative to the sandbox. */
  readonly readable?: readonly string[];
  /** What the harness is told. */
  readonly job: CaseJob;
  /**
   * The case ids the parent expects, in order (`visible:<task> <name>` / `hidden:…`): the cases
   * of the sandbox's current worker entry.
   */
  readonly ids: readonly string[];
  /** Limits. */
  readonly limits: Limits;
  /**
   * When the submission's time budget ends (`performance.now()` time); default `timeoutMs` from
   * now. The visible and the hidden runs of one submission share it.
   */
  readonly deadline?: number;
  /** Aborts the run (the promise then rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** OS-level isolation of the children; default none. */
  readonly isolation?: Isolation;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function caseFailure(end: ChildEnd, limits: Limits): RunFailure {
  const messages: Record<EndCause, [FailureKind, string]> = {
    "case-timeout": ["time-limit", `took longer than ${seconds(limits.caseTimeoutMs)}`],
    budget: [
      "time-limit",
      `the submission's ${seconds(limits.timeoutMs)} ran out during this case`,
    ],
    "load-timeout": ["time-limit", `loading took longer than ${seconds(limits.loadTimeoutMs)}`],
    memory: ["memory-limit", `used more than ${limits.memoryMb} MiB of memory`],
    heap: ["memory-limit", `ran out of JavaScript heap (${limits.heapMb} MiB)`],
    output: ["output-limit", `wrote more than ${formatBytes(limits.outputBytes)} of output`],
    exit: ["crashed", `the process ended during this case (exit code ${end.code})`],
    abort: ["crashed", "grading was interrupted"],
  };
  const [kind, message] = messages[end.cause];
  return { kind, message };
}

function loadFailure(end: ChildEnd, limits: Limits, sandbox: string): RunFailure {
  if (end.loadError) {
    // Deno reports a parse error as a TypeError whose message starts "SyntaxError: …": one name.
    const { name, message } = end.loadError;
    const text = /^\w*Error: /.test(message) ? message : `${name}: ${message}`;
    return { kind: "compile-error", message: withoutSandbox(text, sandbox) };
  }
  if (end.cause === "exit") {
    return {
      kind: "crashed",
      message: `the process ended while loading the module (exit code ${end.code})`,
    };
  }
  if (end.cause === "budget") {
    return {
      kind: "time-limit",
      message: `while loading the module: the submission's ${seconds(limits.timeoutMs)} ran out`,
    };
  }
  const f = caseFailure(end, limits);
  return { kind: f.kind, message: `while loading the module: ${f.message}` };
}

/**
 * Removes the sandbox's absolute path from a message, so feedback shows repository paths.
 *
 * @param text A message.
 * @param sandbox The sandbox root.
 * @returns The message with `modules/…` paths.
 */
export function withoutSandbox(text: string, sandbox: string): string {
  return text.replaceAll(`file://${sandbox}/`, "").replaceAll(`${sandbox}/`, "");
}

function sameIds(got: readonly string[], want: readonly string[]): boolean {
  return got.length === want.length && got.every((id, i) => id === want[i]);
}

/**
 * Runs every case in sandboxed children: a fresh child resumes after a case that hung, crashed or
 * hit a limit, so one bad case costs only itself; when the submission's time budget is spent, the
 * cases not reported fail with a time limit. The child's exit code and any output that is not a
 * protocol line with this run's nonce are ignored.
 *
 * @param options Sandbox, job, expected ids, limits.
 * @returns One outcome per case.
 * @throws {Error} If the harness announces other cases than the parent expects.
 */
export async function runCases(options: RunCasesOptions): Promise<RunReport> {
  const { ids, limits } = options;
  const outcomes: (CaseOutcome | undefined)[] = new Array(ids.length).fill(undefined);
  const deadline = options.deadline ?? performance.now() + limits.timeoutMs;
  const logs: string[] = [];
  let children = 0;
  let peakMb = 0;
  let from = 0;
  let failedLoad: RunFailure | undefined;
  let spent = false;
  while (from < ids.length) {
    if (performance.now() >= deadline) {
      spent = true;
      break;
    }
    const end = await runChild({ ...options, from, deadline });
    children++;
    peakMb = Math.max(peakMb, end.peakMb);
    if (end.log) logs.push(end.log);
    if (end.protocolError) {
      logs.push(`(grader: the harness broke the protocol: ${end.protocolError})`);
    }
    if (end.cause === "abort") throw options.signal?.reason ?? new Error("Grading was aborted");
    if (!end.ids) {
      failedLoad = loadFailure(end, limits, options.sandbox);
      break;
    }
    if (!sameIds(end.ids, ids)) {
      throw new Error("The harness announced other cases than the grader expects");
    }
    for (const [i, observation] of end.results) {
      if (i >= from && i < ids.length) outcomes[i] = { observation };
    }
    if (end.done) break;
    const stuck = end.current ?? outcomes.findIndex((o, i) => i >= from && o === undefined);
    if (stuck >= 0) outcomes[stuck] ??= { failure: caseFailure(end, limits) };
    const next = outcomes.findIndex((o, i) => i >= from && o === undefined);
    from = next < 0 ? ids.length : next;
  }
  const fill: CaseOutcome = {
    failure: failedLoad ?? (spent
      ? {
        kind: "time-limit",
        message: `not reached: the submission's ${seconds(limits.timeoutMs)} ran out`,
      }
      : { kind: "crashed", message: "no result was reported for this case" }),
  };
  return {
    outcomes: outcomes.map((o) => o ?? fill),
    loadFailure: failedLoad,
    log: withoutSandbox(logs.join("\n"), options.sandbox),
    children,
    peakMb,
  };
}

/** Options of {@linkcode runCatalog}. */
export interface RunCatalogOptions {
  /** The trusted repository (the hidden case files are copied from it). */
  readonly root: string;
  /** The sandbox, its worker entry pointing at the visible cases. */
  readonly sandbox: Sandbox;
  /** The module's cases. */
  readonly catalog: Catalog;
  /** What the harness is told. */
  readonly job: CaseJob;
  /** Limits; the submission's budget covers both runs. */
  readonly limits: Limits;
  /** Aborts the run. */
  readonly signal?: AbortSignal;
  /** OS-level isolation of the children; default none. */
  readonly isolation?: Isolation;
}

/** The outcome of {@linkcode runCatalog}: one outcome per catalog entry. */
export interface CatalogReport extends RunReport {
  /** Set when the module loaded for the visible cases but not for the hidden ones. */
  readonly hiddenLoadFailure?: RunFailure;
}

/**
 * Runs a module's visible cases, then (in children of their own, once the hidden case files are
 * copied into the sandbox) its hidden ones. When the module does not load for the visible cases,
 * the hidden ones fail with the same failure without running.
 *
 * @param options Sandbox, catalog, job, limits.
 * @returns One outcome per catalog entry, in catalog order.
 */
export async function runCatalog(options: RunCatalogOptions): Promise<CatalogReport> {
  const { catalog, sandbox, limits } = options;
  const deadline = performance.now() + limits.timeoutMs;
  const ids = (hidden: boolean) =>
    catalog.entries.filter((e) => e.hidden === hidden).map((e) => e.id);
  const common = {
    sandbox: sandbox.dir,
    job: options.job,
    limits,
    signal: options.signal,
    isolation: options.isolation,
    deadline,
  };
  const visible = await runCases({ ...common, ids: ids(false) });
  const hiddenIds = ids(true);
  if (hiddenIds.length === 0 || visible.loadFailure) {
    const fill = hiddenIds.map(() => ({ failure: visible.loadFailure! }));
    return { ...visible, outcomes: [...visible.outcomes, ...(hiddenIds.length ? fill : [])] };
  }
  await useCases(options.root, sandbox, catalog, "hidden");
  const hidden = await runCases({
    ...common,
    ids: hiddenIds,
    readable: [hiddenDir(catalog.module.name)],
  });
  return {
    outcomes: [...visible.outcomes, ...hidden.outcomes],
    loadFailure: visible.loadFailure,
    hiddenLoadFailure: hidden.loadFailure,
    log: [visible.log, hidden.log].filter((l) => l).join("\n"),
    children: visible.children + hidden.children,
    peakMb: Math.max(visible.peakMb, hidden.peakMb),
  };
}
