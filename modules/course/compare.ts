/**
 * Comparisons between an observation (`got`) and an expectation (`want`). They run in the trusted
 * process, never in the submission's, and return a problem description or `null` when they agree.
 *
 * @module
 */
import {
  asError,
  asTensor,
  asTyped,
  describe,
  type Observation,
  observedNumber,
} from "./observation.ts";

/** A check: `null` when `got` is acceptable, otherwise what is wrong, in one sentence. */
export type Check = (got: Observation, want: Observation) => string | null;

/** A named check, so reports can say which comparison a case used. */
export interface Comparison {
  /** e.g. `"exact"`, `"allClose(rtol=1e-5, atol=1e-8)"`, `"throws(RangeError)"`. */
  readonly kind: string;
  /** The check itself. */
  readonly check: Check;
  /** Set by {@linkcode custom}: a hand-written check, which the grader also tries on trivial outputs. */
  readonly custom?: boolean;
}

/** Options of {@linkcode allClose}, with NumPy's meaning and defaults. */
export interface AllCloseOptions {
  /** Relative tolerance; default `1e-5`. */
  rtol?: number;
  /** Absolute tolerance; default `1e-8`. */
  atol?: number;
  /** Whether NaN equals NaN; default `false`. */
  equalNan?: boolean;
}

/** A numeric observation as a shape and row-major values. */
export interface NumericArray {
  /** The shape; `[]` for a scalar. */
  shape: number[];
  /** Row-major values. */
  values: number[];
}

function isRecord(o: Observation): o is { readonly [key: string]: Observation } {
  return o !== null && typeof o === "object" && !Array.isArray(o);
}

function nestedNumbers(o: Observation): NumericArray | undefined {
  const n = observedNumber(o);
  if (n !== undefined) return { shape: [], values: [n] };
  if (!Array.isArray(o)) return undefined;
  if (o.length === 0) return { shape: [0], values: [] };
  const parts = o.map(nestedNumbers);
  const first = parts[0];
  if (!first || parts.some((p) => !p || p.shape.join() !== first.shape.join())) return undefined;
  return { shape: [o.length, ...first.shape], values: parts.flatMap((p) => p!.values) };
}

function numbersOf(list: readonly Observation[]): number[] | undefined {
  const out = list.map(observedNumber);
  return out.some((v) => v === undefined) ? undefined : out as number[];
}

/**
 * Reads an observation as a numeric array with a shape: a number (shape `[]`), a rectangular
 * nested array, a typed array or a tensor.
 *
 * @param o An observation.
 * @returns The shape and the row-major values, or `undefined` if `o` is not numeric.
 */
export function numericArray(o: Observation): NumericArray | undefined {
  const typed = asTyped(o);
  if (typed) {
    const values = numbersOf(typed.values);
    return values && { shape: [values.length], values };
  }
  const t = asTensor(o);
  if (t) {
    const values = numbersOf(t.values);
    return values && { shape: [...t.shape], values };
  }
  return nestedNumbers(o);
}

function indexOf(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

function fmt(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

function errorProblem(got: Observation): string | null {
  const e = asError(got);
  if (e) {
    return e.name === "NotImplementedError"
      ? `not implemented: ${e.message}`
      : `threw ${e.name}: ${e.message}`;
  }
  return null;
}

function tensorDtype(o: Observation): string | undefined {
  return asTensor(o)?.dtype;
}

function typedName(o: Observation): string | undefined {
  return asTyped(o)?.type;
}

function kindProblem(got: Observation, want: Observation, path: string): string | null {
  const wantDtype = tensorDtype(want);
  if (wantDtype !== undefined && tensorDtype(got) !== wantDtype) {
    return `${path}expected ${article(wantDtype)} ${wantDtype} tensor, got ${describe(got, 80)}`;
  }
  const wantTyped = typedName(want);
  if (wantTyped !== undefined && typedName(got) !== wantTyped) {
    return `${path}expected ${article(wantTyped)} ${wantTyped}, got ${describe(got, 80)}`;
  }
  return null;
}

type Leaf = (g: number, w: number) => boolean;

function arrayProblem(
  g: NumericArray,
  w: NumericArray,
  path: string,
  close: Leaf,
  tolerance: string,
): string | null {
  if (g.shape.join() !== w.shape.join()) {
    return `${path}shape [${g.shape}] does not match the expected [${w.shape}]`;
  }
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < w.values.length; i++) {
    if (close(g.values[i], w.values[i])) continue;
    const excess = Math.abs(g.values[i] - w.values[i]);
    if (worst < 0 || !(excess <= worstExcess)) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst < 0) return null;
  const where = w.shape.length === 0 ? "" : ` at index [${indexOf(worst, w.shape)}]`;
  const count = w.values.filter((wv, i) => !close(g.values[i], wv)).length;
  const many = w.values.length > 1 ? ` (${count} of ${w.values.length} elements differ)` : "";
  return `${path}got ${fmt(g.values[worst])}, want ${
    fmt(w.values[worst])
  }${where}${tolerance}${many}`;
}

// "an int8 tensor", "a float32 tensor", "an Int32Array".
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function treeProblem(
  got: Observation,
  want: Observation,
  path: string,
  close: Leaf,
  tolerance: string,
): string | null {
  const thrown = errorProblem(got);
  if (thrown && !asError(want)) return path + thrown;
  const kind = kindProblem(got, want, path);
  if (kind) return kind;
  const w = numericArray(want);
  if (w) {
    const g = numericArray(got);
    if (!g) return `${path}expected numbers of shape [${w.shape}], got ${describe(got, 80)}`;
    return arrayProblem(g, w, path, close, tolerance);
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      return `${path}expected a list of ${want.length}, got ${describe(got, 80)}`;
    }
    for (let i = 0; i < want.length; i++) {
      const p = treeProblem(got[i], want[i], `${path}[${i}]: `, close, tolerance);
      if (p) return p;
    }
    return null;
  }
  if (isRecord(want) && !asError(want) && !Object.hasOwn(want, "$undefined")) {
    if (!isRecord(got)) return `${path}expected an object, got ${describe(got, 80)}`;
    const g = got as Record<string, Observation>;
    const w = want as Record<string, Observation>;
    for (const key of Object.keys(w)) {
      if (!Object.hasOwn(g, key)) return `${path}missing field "${key}"`;
      const p = treeProblem(g[key], w[key], `${path}${key}: `, close, tolerance);
      if (p) return p;
    }
    return null;
  }
  return JSON.stringify(got) === JSON.stringify(want)
    ? null
    : `${path}got ${describe(got)}, want ${describe(want)}`;
}

/**
 * Exact equality. A tensor or typed array may be compared with a nested array literal (values and
 * shape must match); an expected tensor or typed array also requires the same dtype. Objects
 * compare field by field over the expected fields. NaN equals NaN; -0 and 0 are equal.
 *
 * @returns The comparison.
 */
export function exact(): Comparison {
  const same: Leaf = (g, w) => g === w || (Number.isNaN(g) && Number.isNaN(w));
  return { kind: "exact", check: (got, want) => treeProblem(got, want, "", same, "") };
}

/**
 * NumPy's `allclose`: every element satisfies `|got − want| ≤ atol + rtol·|want|`, shapes equal.
 * A failure names the worst element, its index and both values.
 *
 * @param options Tolerances.
 * @returns The comparison.
 */
export function allClose(options: AllCloseOptions = {}): Comparison {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  const close: Leaf = (g, w) => {
    if (Number.isNaN(g) || Number.isNaN(w)) return equalNan && Number.isNaN(g) && Number.isNaN(w);
    if (!Number.isFinite(w) || !Number.isFinite(g)) return g === w;
    return Math.abs(g - w) <= atol + rtol * Math.abs(w);
  };
  const tolerance = ` (tolerance atol ${atol} + rtol ${rtol} × |want|)`;
  return {
    kind: `allClose(rtol=${rtol}, atol=${atol})`,
    check: (got, want) => treeProblem(got, want, "", close, tolerance),
  };
}

/**
 * Expects `run` to throw an error with this `name` (e.g. `"RangeError"`), and optionally a message
 * containing `message` (a string) or matching it (a RegExp).
 *
 * @param name The error's `name`.
 * @param message Text or pattern the message must contain or match.
 * @returns The comparison.
 */
export function throws(name: string, message?: string | RegExp): Comparison {
  return {
    kind: `throws(${name})`,
    check: (got) => {
      const e = asError(got);
      if (!e) return `expected ${name} to be thrown, got ${describe(got, 120)}`;
      if (e.name === "NotImplementedError") return `not implemented: ${e.message}`;
      if (e.name !== name) return `expected ${name}, but ${e.name} was thrown: ${e.message}`;
      if (message === undefined) return null;
      const ok = typeof message === "string"
        ? e.message.includes(message)
        : message.test(e.message);
      return ok ? null : `${name} message "${e.message}" does not match ${String(message)}`;
    },
  };
}

/**
 * Expects `run` to return a list of errors (each caught with {@linkcode attempt}), the i-th with
 * this `name` and a message containing or matching `messages[i]`: one case checks that several
 * calls each fail, and say which operation and state failed (e.g. that every element-wise op names
 * itself, rather than the one its code was copied from).
 *
 * @example Usage
 * ```ts
 * import { attempt, observe, throwsEach } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const fail = (message: string) => () => { throw new TypeError(message); };
 * const got = observe([attempt(fail("Cannot add 1")), attempt(fail("Cannot add 2"))]);
 * assert.equal(throwsEach("TypeError", [/add/, /add/]).check(got, null), null);
 * assert.match(throwsEach("TypeError", [/add/, /sub/]).check(got, null)!, /^\[1\]: /);
 * ```
 *
 * @param name The errors' `name`.
 * @param messages One text or pattern per expected error.
 * @returns The comparison.
 */
export function throwsEach(name: string, messages: readonly (string | RegExp)[]): Comparison {
  const each = messages.map((m) => throws(name, m));
  return {
    kind: `throwsEach(${name})`,
    check: (got) => {
      const thrown = errorProblem(got);
      if (thrown) return thrown;
      if (!Array.isArray(got) || got.length !== each.length) {
        return `expected a list of ${each.length} errors, got ${describe(got, 120)}`;
      }
      for (let i = 0; i < each.length; i++) {
        const problem = each[i].check(got[i], null);
        if (problem) return `[${i}]: ${problem}`;
      }
      return null;
    },
  };
}

/**
 * Wraps a custom check so it can be used as `compare`. The check must not trust `got`: it is data
 * from the submission.
 *
 * @param kind A short name for reports.
 * @param check Returns `null` when `got` is acceptable, else a problem.
 * @returns The comparison.
 */
export function custom(kind: string, check: Check): Comparison {
  return {
    kind,
    check: (got, want) => errorProblem(got) ?? check(got, want),
    custom: true,
  };
}
