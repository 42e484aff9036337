/**
 * Task tests as data: `run` computes an observation; the expectation and the comparison are data
 * that a trusted process evaluates.
 *
 * @module
 */
import { type Comparison, exact } from "./compare.ts";
import { type Observation, observe, observeError } from "./observation.ts";

/**
 * What a case expects: a literal, `"reference"` (the reference implementation's observation,
 * computed by the grader in a separate trusted process), or an oracle function evaluated in the
 * trusted process (e.g. with mathjs), never with the code under test.
 */
export type Expectation = unknown;

/** One case of a task. */
export interface Case<Api> {
  /** Computes and returns an observation; it asserts nothing. May be async. */
  readonly run: (api: Api) => unknown;
  /** A literal, `"reference"`, or `() => value` computed by an independent oracle. */
  readonly expect?: Expectation;
  /** How `got` is compared with the expectation; default {@linkcode exact}. */
  readonly compare?: Comparison;
}

/** The cases of one task. */
export interface CaseSet<Api = never> {
  /** The task id, e.g. `"quantization.3"`. */
  readonly task: string;
  /** Cases by name; the name is shown in reports. */
  readonly cases: Readonly<Record<string, Case<Api>>>;
}

const TASK_ID = /^[a-z][a-z0-9_]*\.[1-9][0-9]*$/;

/**
 * Declares the cases of one task.
 *
 * @example Usage
 * ```ts
 * import { defineCases, exact } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * type Api = { add(a: number, b: number): number };
 * const set = defineCases("demo.1", {
 *   "adds two numbers": { run: (api: Api) => api.add(1, 2), expect: 3, compare: exact() },
 * });
 * assert.deepEqual(Object.keys(set.cases), ["adds two numbers"]);
 * ```
 *
 * @param task The task id, `<module>.<n>`.
 * @param cases Cases by name.
 * @returns The case set.
 * @throws {RangeError} If the id is malformed or there are no cases.
 */
export function defineCases<Api>(
  task: string,
  cases: Record<string, Case<Api>>,
): CaseSet<Api> {
  if (!TASK_ID.test(task)) {
    throw new RangeError(`Cannot define cases for task "${task}": ids look like "tensor.3"`);
  }
  if (Object.keys(cases).length === 0) {
    throw new RangeError(`Cannot define cases for task "${task}": there are none`);
  }
  return { task, cases };
}

/**
 * Calls `f` and returns what it threw (or, if it threw nothing, what it returned), so one `run`
 * can observe several errors (see `throwsEach`). A stub's `NotImplementedError` is thrown on, so
 * an unattempted task still reads as not attempted.
 *
 * @example Usage
 * ```ts
 * import { attempt } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * assert.equal((attempt(() => JSON.parse("{")) as Error).name, "SyntaxError");
 * assert.equal(attempt(() => 2), 2);
 * ```
 *
 * @param f The call.
 * @returns The error it threw, or its result.
 */
export function attempt(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === "NotImplementedError") throw error;
    return error;
  }
}

/**
 * Runs a case's `run` against an API and encodes what it returned or threw.
 *
 * @param c The case.
 * @param api The implementation under test.
 * @returns The observation.
 */
export async function runCase<Api>(c: Case<Api>, api: Api): Promise<Observation> {
  try {
    return observe(await c.run(api));
  } catch (error) {
    return observeError(error);
  }
}

/**
 * Whether the case's expectation must come from the reference implementation.
 *
 * @param c The case.
 * @returns `true` for `expect: "reference"`.
 */
export function expectsReference<Api>(c: Case<Api>): boolean {
  return c.expect === "reference";
}

/**
 * Evaluates a literal or oracle expectation in the trusted process.
 *
 * @param c The case.
 * @returns The expected observation.
 * @throws {RangeError} For `"reference"` expectations, which need the grader.
 */
export async function expectedObservation<Api>(c: Case<Api>): Promise<Observation> {
  if (expectsReference(c)) {
    throw new RangeError('Cannot evaluate a "reference" expectation without the reference');
  }
  const value = typeof c.expect === "function" ? await c.expect() : c.expect;
  return observe(value);
}

/**
 * Compares an observation with the expectation using the case's comparison.
 *
 * @param c The case.
 * @param got What the implementation produced.
 * @param want The expected observation.
 * @returns `null` when they agree, else the problem.
 */
export function judge<Api>(c: Case<Api>, got: Observation, want: Observation): string | null {
  return (c.compare ?? exact()).check(got, want);
}
