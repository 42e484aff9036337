/**
 * Observations: what a case's `run` returns, made safe to send between processes as JSON.
 *
 * @module
 */

/** A JSON-safe encoding of any value a case may return. */
export type Observation =
  | null
  | boolean
  | string
  | number
  | { readonly $number: "NaN" | "Infinity" | "-Infinity" | "-0" }
  | { readonly $undefined: true }
  | { readonly $typed: string; readonly values: readonly Observation[] }
  | {
    readonly $tensor: {
      readonly dtype: string;
      readonly shape: readonly number[];
      readonly values: readonly Observation[];
    };
  }
  | { readonly $error: { readonly name: string; readonly message: string; readonly task?: string } }
  | readonly Observation[]
  | { readonly [key: string]: Observation };

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

function isTensorLike(
  value: object,
): value is { dtype: string; shape: readonly number[]; data: TypedArray } {
  const v = value as Record<string, unknown>;
  return typeof v.dtype === "string" && Array.isArray(v.shape) && isTypedArray(v.data);
}

function encodeNumber(x: number): Observation {
  if (Number.isNaN(x)) return { $number: "NaN" };
  if (x === Infinity) return { $number: "Infinity" };
  if (x === -Infinity) return { $number: "-Infinity" };
  if (Object.is(x, -0)) return { $number: "-0" };
  return x;
}

/**
 * Encodes an error thrown by `run` as an observation.
 *
 * @param error Whatever was thrown.
 * @returns `{ $error: { name, message, task? } }`.
 */
export function observeError(error: unknown): Observation {
  if (error instanceof Error) {
    const task = (error as { task?: unknown }).task;
    return {
      $error: {
        name: text(error.name),
        message: text(error.message),
        ...(typeof task === "string" ? { task } : {}),
      },
    };
  }
  return { $error: { name: "NonError", message: text(error) } };
}

/** A string for any value: an error's fields come from the code under test and may be anything. */
function text(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return "(a value that cannot be printed)";
  }
}

/**
 * Encodes a value as a JSON-safe observation.
 *
 * Numbers keep NaN, ±Infinity and -0; typed arrays keep their type name; a tensor-like object
 * (`dtype`, `shape`, typed `data`) becomes `{ $tensor }`; an Error becomes `{ $error }`. A plain
 * object whose keys start with `$` is wrapped as `{ $record }`, so no returned value can pose as
 * one of these encodings (a returned `{ $error: … }` is not a thrown error).
 *
 * @param value What `run` returned.
 * @param depth Guard against cycles.
 * @returns The observation.
 * @throws {TypeError} For functions, symbols, bigints and nesting deeper than 32.
 */
export function observe(value: unknown, depth = 0): Observation {
  if (depth > 32) throw new TypeError("Cannot observe a value nested deeper than 32 levels");
  if (value === null) return null;
  if (value === undefined) return { $undefined: true };
  switch (typeof value) {
    case "boolean":
    case "string":
      return value;
    case "number":
      return encodeNumber(value);
    case "object":
      break;
    default:
      throw new TypeError(`Cannot observe a value of type ${typeof value}`);
  }
  if (value instanceof Error) return observeError(value);
  if (isTypedArray(value)) {
    return { $typed: value.constructor.name, values: Array.from(value, encodeNumber) };
  }
  if (Array.isArray(value)) return value.map((v) => observe(v, depth + 1));
  if (isTensorLike(value)) {
    return {
      $tensor: {
        dtype: value.dtype,
        shape: [...value.shape],
        values: Array.from(value.data, encodeNumber),
      },
    };
  }
  // fromEntries defines own keys: `__proto__` is a key like `toString` or any other.
  const out: Record<string, Observation> = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, observe(v, depth + 1)]),
  );
  return Object.keys(out).some((k) => k.startsWith("$")) ? { $record: out } : out;
}

/**
 * Decodes the special number encodings back to numbers (the inverse of `observe` for numbers).
 *
 * @param o An observation.
 * @returns The number, or `undefined` when `o` is not a number.
 */
export function observedNumber(o: Observation): number | undefined {
  if (typeof o === "number") return o;
  const special = field(o, "$number");
  if (typeof special === "string") return special === "-0" ? -0 : Number(special);
  return undefined;
}

/**
 * Renders an observation for a failure message, short and readable.
 *
 * @param o An observation.
 * @param max The longest string to return.
 * @returns A one-line description.
 */
export function describe(o: Observation, max = 200): string {
  const text = describeFull(o);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The parts of an encoded tensor. */
export interface TensorObservation {
  /** `"float32"`, `"int32"` or `"int8"`. */
  readonly dtype: string;
  /** The shape. */
  readonly shape: readonly number[];
  /** Row-major values. */
  readonly values: readonly Observation[];
}

/** The parts of an encoded error. */
export interface ErrorObservation {
  /** The error's `name`, e.g. `"RangeError"`. */
  readonly name: string;
  /** The message. */
  readonly message: string;
  /** For a `NotImplementedError`, its task. */
  readonly task?: string;
}

function field(o: Observation, key: string): unknown {
  return o !== null && typeof o === "object" && !Array.isArray(o) && Object.hasOwn(o, key)
    ? (o as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The tensor inside an observation, if it is one.
 *
 * @param o An observation.
 * @returns Its dtype, shape and values, or `undefined`.
 */
export function asTensor(o: Observation): TensorObservation | undefined {
  return field(o, "$tensor") as TensorObservation | undefined;
}

/**
 * The typed array inside an observation, if it is one.
 *
 * @param o An observation.
 * @returns Its type name and values, or `undefined`.
 */
export function asTyped(
  o: Observation,
): { readonly type: string; readonly values: readonly Observation[] } | undefined {
  const type = field(o, "$typed");
  return typeof type === "string"
    ? { type, values: field(o, "values") as Observation[] }
    : undefined;
}

/**
 * The error inside an observation, if `run` threw.
 *
 * @param o An observation.
 * @returns Its name, message and task, or `undefined`.
 */
export function asError(o: Observation): ErrorObservation | undefined {
  return field(o, "$error") as ErrorObservation | undefined;
}

function describeFull(o: Observation): string {
  const n = observedNumber(o);
  if (n !== undefined) return Object.is(n, -0) ? "-0" : String(n);
  if (o === null || typeof o !== "object") return JSON.stringify(o);
  if (Array.isArray(o)) return `[${o.map(describeFull).join(", ")}]`;
  if (field(o, "$undefined")) return "undefined";
  const record = field(o, "$record") as Observation | undefined;
  if (record !== undefined) return describeRecord(record);
  const error = asError(o);
  if (error) return `${error.name}: ${error.message}`;
  const typed = asTyped(o);
  if (typed) return `${typed.type} [${typed.values.map(describeFull).join(", ")}]`;
  const t = asTensor(o);
  if (t) return `tensor(${t.dtype}, shape [${t.shape}]) [${t.values.map(describeFull).join(", ")}]`;
  return describeRecord(o);
}

function describeRecord(o: Observation): string {
  const entries = Object.entries(o as Record<string, Observation>);
  return `{ ${entries.map(([k, v]) => `${k}: ${describeFull(v)}`).join(", ")} }`;
}
