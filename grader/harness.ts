/**
 * The child side of grading: runs inside a sandbox as `deno run` (never `deno test`). The
 * sandbox's generated entry (`_grader/entry.ts`, see `entry_source.ts`) imports this file and the
 * case files statically, so the child needs no permission to read them, and calls
 * {@linkcode runHarness} once with the cases; the harness then imports the module API, runs each
 * case's `run` and streams the observations. It judges nothing: the trusted parent holds the
 * expectations and compares.
 *
 * Protocol: one JSON job on stdin (`{ nonce, from, packages }`); on stdout, lines
 * `<nonce> <json>` with `["loaded", ids]`, `["start", i]`, `["result", i, observation]`,
 * `["loadError", { name, message }]` and `["done"]`. Anything else on stdout is ignored by the
 * parent. Everything the harness needs is captured before any submission code is imported.
 *
 * @module
 */
import { type CaseSet, runCase } from "@tinytorch/course";
import type { HarnessCases } from "./take_cases.ts";

// Captured before any submission code runs: later patches of these globals do not reach us.
const stringify = JSON.stringify;
const parse = JSON.parse;
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const writeSync = Deno.stdout.writeSync.bind(Deno.stdout);
const subarray = Function.prototype.call.bind(Uint8Array.prototype.subarray) as (
  bytes: Uint8Array,
  start: number,
) => Uint8Array;
const freeze = Object.freeze;
const keys = Object.keys;

/*
 * Lockdown: the JavaScript intrinsics the harness relies on are frozen before any submission code
 * is imported, so a submission cannot rewire them (an `Array.prototype.toJSON`, a patched
 * `Promise.prototype.then`, an `Object.prototype.then` getter each made a stub "pass" visible
 * cases before). Error prototypes stay writable: freezing them would make `this.name = …` in every
 * Error subclass throw (JavaScript's "override mistake"). Kept in this file: the sandbox holds
 * only the harness.
 */
const CONSTRUCTORS = [
  Object,
  Function,
  Array,
  Promise,
  Number,
  String,
  Boolean,
  Symbol,
  BigInt,
  Map,
  Set,
  WeakMap,
  WeakSet,
  ArrayBuffer,
  DataView,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  TextEncoder,
  TextDecoder,
];

function intrinsics(): object[] {
  const typedArray = Object.getPrototypeOf(Int8Array) as { prototype: object };
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
  const asyncFunction = Object.getPrototypeOf(async function () {}) as object;
  const generator = Object.getPrototypeOf(function* () {}) as { prototype: object };
  return [
    ...CONSTRUCTORS.flatMap((c) => [c, c.prototype as object]),
    typedArray,
    typedArray.prototype,
    arrayIterator,
    Object.getPrototypeOf(arrayIterator),
    asyncFunction,
    generator,
    generator.prototype,
    JSON,
    Reflect,
    Math,
  ];
}

/**
 * Freezes the intrinsics (idempotent). Call it after the harness and the case files are loaded
 * and before the submission is imported.
 */
function lockdown(): void {
  for (const o of intrinsics()) Object.freeze(o);
}

interface Job {
  readonly nonce: string;
  readonly from: number;
  readonly packages: readonly string[];
  readonly preload: readonly string[];
}

const job = parse(await new Response(Deno.stdin.readable).text()) as Job;
const nonce = job.nonce;

function emit(payload: unknown): void {
  const bytes = encode(nonce + " " + stringify(payload) + "\n");
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(written === 0 ? bytes : subarray(bytes, written));
  }
}

interface Entry {
  readonly id: string;
  readonly run: CaseSet<unknown>["cases"][string]["run"];
}

function entriesOf(sets: readonly CaseSet<unknown>[], kind: string): Entry[] {
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
  return out;
}

let claimed = false;

/**
 * Runs the cases against the submission and streams the observations. Called once, by the entry,
 * before any submission code is loaded; any later call (a submission importing this module)
 * throws, so the nonce-authenticated output stays the harness's own.
 *
 * @param cases The visible then hidden cases, taken out of the case modules by the entry.
 */
export async function runHarness(cases: HarnessCases): Promise<void> {
  if (claimed) throw new Error("The harness runs once");
  claimed = true;
  let entries: Entry[];
  let api: Record<string, unknown>;
  try {
    // The case files import only the course and oracles, so no submission code has run yet.
    entries = [...entriesOf(cases.visible, "visible"), ...entriesOf(cases.hidden, "hidden")];
    freeze(entries);
    for (const specifier of job.preload) await import(specifier);
    lockdown();
    // Now the submission: the module under test and its prerequisites (reference code).
    const merged: Record<string, unknown> = {};
    for (const name of job.packages) {
      const namespace = await import(name);
      for (const key of keys(namespace)) merged[key] = namespace[key];
    }
    api = freeze(merged);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    emit(["loadError", { name: e.name, message: e.message }]);
    Deno.exit(3);
  }
  emit(["loaded", entries.map((e) => e.id)]);
  for (let i = job.from; i < entries.length; i++) {
    emit(["start", i]);
    const observation = await runCase({ run: entries[i].run }, api);
    emit(["result", i, observation]);
  }
  emit(["done"]);
}
