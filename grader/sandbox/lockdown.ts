/**
 * What the worker does to its own isolate before it imports a submission: freeze the JavaScript
 * intrinsics it relies on, and take away what a submission must not use (web storage, the Deno
 * executable's path). Copied into each sandbox beside the harness.
 *
 * @module
 */

/*
 * The intrinsics are frozen so a submission cannot rewire them (an `Array.prototype.toJSON`, a
 * patched `Promise.prototype.then`, an `Object.prototype.then` getter each made a stub "pass"
 * visible cases before). Error prototypes stay writable: freezing them would make `this.name = …`
 * in every Error subclass throw (JavaScript's "override mistake").
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
  MessagePort,
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

/** Globals a submission has no use for that would write outside its sandbox. */
const WITHDRAWN_GLOBALS = ["caches", "localStorage", "sessionStorage", "CacheStorage", "Cache"];

function refuse(what: string): () => never {
  return () => {
    throw new Deno.errors.NotCapable(`${what} is not available to a graded submission`);
  };
}

/**
 * Freezes the intrinsics, removes web storage and caches (they write under the Deno cache
 * without any permission), and makes `Deno.execPath()` (it names the machine's install) and
 * `Deno.exit()` (in a worker it would end only the worker, silently) throw. Idempotent. Call it after the harness and the case files are loaded and before the
 * submission is imported.
 */
export function lockdown(): void {
  for (const name of WITHDRAWN_GLOBALS) {
    Reflect.deleteProperty(globalThis, name);
  }
  for (const name of ["execPath", "exit"] as const) {
    Object.defineProperty(Deno, name, {
      value: refuse(`Deno.${name}()`),
      writable: false,
      configurable: false,
    });
  }
  for (const o of intrinsics()) Object.freeze(o);
}
