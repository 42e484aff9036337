/**
 * The one protocol between a sandboxed child and the grader, used at both ends: the child's
 * worker reports to the child's main thread over a private `MessagePort`, and the main thread
 * relays each message, re-validated, to the grader over a Unix socket that the worker cannot
 * reach (see `harness.ts`). Messages are newline-delimited JSON objects tagged by `type`; a
 * {@linkcode ProtocolState} accepts only a well-formed sequence: `loaded` (or `loadError`)
 * first, then `start i` / `result i` pairs in increasing order, one result per case, then
 * `done`, and nothing after `done`.
 *
 * Copied into each sandbox beside the harness, so it imports only types.
 *
 * @module
 */
import type { Observation } from "@tinytorch/course";

/** What the worker is told, with the private port it reports on. */
export interface WorkerJob {
  /** The first case to run. */
  readonly from: number;
  /**
   * Module specifiers merged into the cases' API, in order: the packages, prerequisites first,
   * each followed by its `./tasks` export when it has one (the catalog's `api`).
   */
  readonly packages: readonly string[];
  /**
   * Modules loaded before the intrinsics are frozen: the npm allowlist and the Node built-ins
   * they use, so that libraries which patch prototypes at load time still load.
   */
  readonly preload: readonly string[];
  /**
   * Folders (relative to the sandbox) the worker stops reading once its own module graph is
   * loaded and before the submission is imported: `_grader/` and the hidden case files.
   */
  readonly private: readonly string[];
}

/** What the grader writes on the child's stdin. */
export interface HarnessJob extends WorkerJob {
  /** The grader's Unix socket (absolute path). */
  readonly socket: string;
  /** The worker's module, relative to the harness. */
  readonly worker: string;
}

/** The worker loaded the submission; these are the cases it will run, in order. */
export interface LoadedMessage {
  /** The tag. */
  readonly type: "loaded";
  /** Case ids, `visible:<task> <name>` / `hidden:<task> <name>`. */
  readonly ids: readonly string[];
}

/** The submission could not be imported. */
export interface LoadErrorMessage {
  /** The tag. */
  readonly type: "loadError";
  /** The error's name and message. */
  readonly error: { readonly name: string; readonly message: string };
}

/** Case `index` starts. */
export interface StartMessage {
  /** The tag. */
  readonly type: "start";
  /** The case's index in the `loaded` ids. */
  readonly index: number;
}

/** Case `index` was observed. */
export interface ResultMessage {
  /** The tag. */
  readonly type: "result";
  /** The case's index. */
  readonly index: number;
  /** What its `run` returned or threw, as an observation. */
  readonly observation: Observation;
}

/** Every case from the job's `from` on was reported. */
export interface DoneMessage {
  /** The tag. */
  readonly type: "done";
}

/** A message of the child. */
export type ChildMessage =
  | LoadedMessage
  | LoadErrorMessage
  | StartMessage
  | ResultMessage
  | DoneMessage;

/** A message that is malformed or out of order. */
export class ProtocolError extends Error {
  /**
   * Creates the error.
   *
   * @param message What is wrong, e.g. `Cannot accept a second result for case 3`.
   */
  constructor(message: string) {
    super(message);
    this.name = "ProtocolError";
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function index(x: unknown): number {
  if (!Number.isSafeInteger(x) || (x as number) < 0) {
    throw new ProtocolError(`Cannot read a case index of ${JSON.stringify(x)}`);
  }
  return x as number;
}

/**
 * Checks that a decoded value is a {@linkcode ChildMessage} and returns a copy holding only its
 * fields.
 *
 * @param value A decoded JSON value (or a structured-clone from a `MessagePort`).
 * @returns The message.
 * @throws {ProtocolError} For anything else.
 */
export function toMessage(value: unknown): ChildMessage {
  if (!isRecord(value)) throw new ProtocolError("Cannot read a message that is not an object");
  switch (value.type) {
    case "loaded": {
      const ids = value.ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
        throw new ProtocolError("Cannot read a loaded message without string ids");
      }
      return { type: "loaded", ids: [...ids] };
    }
    case "loadError": {
      const e = value.error;
      if (!isRecord(e) || typeof e.name !== "string" || typeof e.message !== "string") {
        throw new ProtocolError("Cannot read a loadError message without a name and message");
      }
      return { type: "loadError", error: { name: e.name, message: e.message } };
    }
    case "start":
      return { type: "start", index: index(value.index) };
    case "result":
      if (!Object.hasOwn(value, "observation")) {
        throw new ProtocolError("Cannot read a result message without an observation");
      }
      return {
        type: "result",
        index: index(value.index),
        observation: value.observation as Observation,
      };
    case "done":
      return { type: "done" };
    default:
      throw new ProtocolError(`Cannot read a message of type ${JSON.stringify(value.type)}`);
  }
}

/**
 * Parses one line of the socket.
 *
 * @param line A JSON text.
 * @returns The message.
 * @throws {ProtocolError} When it is not JSON or not a {@linkcode ChildMessage}.
 */
export function parseMessage(line: string): ChildMessage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ProtocolError("Cannot parse a message that is not JSON");
  }
  return toMessage(value);
}

/** The order a child's messages must come in; both ends keep one. */
export class ProtocolState {
  /** The case ids once `loaded` arrived. */
  ids?: readonly string[];
  /** The started case that has not reported yet. */
  current?: number;
  /** Whether `done` arrived. */
  done = false;
  /** Whether `loadError` arrived. */
  failed = false;
  #next: number;

  /**
   * Creates the state of one child.
   *
   * @param from The first case the child was asked to run.
   */
  constructor(from: number) {
    this.#next = from;
  }

  /**
   * Checks that a message may come now, and records it.
   *
   * @param m The message.
   * @throws {ProtocolError} For a message out of order: anything after `done` or `loadError`,
   * a second `loaded`, a case before `loaded`, a start out of order, a result for a case that is
   * not the started one (so never two results for one case).
   */
  accept(m: ChildMessage): void {
    if (this.done || this.failed) throw new ProtocolError(`Cannot accept ${m.type} after the end`);
    if (m.type === "loaded" || m.type === "loadError") {
      if (this.ids !== undefined) throw new ProtocolError(`Cannot accept ${m.type} twice`);
      if (m.type === "loaded") this.ids = m.ids;
      else this.failed = true;
      return;
    }
    if (this.ids === undefined) throw new ProtocolError(`Cannot accept ${m.type} before loaded`);
    if (m.type === "start") {
      if (this.current !== undefined || m.index !== this.#next || m.index >= this.ids.length) {
        throw new ProtocolError(`Cannot start case ${m.index} (expected ${this.#next})`);
      }
      this.current = m.index;
    } else if (m.type === "result") {
      if (m.index !== this.current) {
        throw new ProtocolError(`Cannot accept a result for case ${m.index}: it is not running`);
      }
      this.current = undefined;
      this.#next = m.index + 1;
    } else {
      if (this.current !== undefined || this.#next < this.ids.length) {
        throw new ProtocolError("Cannot accept done before every case reported");
      }
      this.done = true;
    }
  }
}
