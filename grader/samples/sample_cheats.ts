/**
 * The sample class's prototype-patching cheats (found in review): each appends code to the stub
 * that reads the visible cases' literal expectations and tries to make the harness report them
 * as results by rewiring a JavaScript intrinsic. The harness freezes the intrinsics before it
 * imports a submission, so each fails to load and scores 0.
 *
 * @module
 */

/** The shared part: the visible cases' literal expectations, observed as the harness would. */
const FORGED = `import { cases as __sets } from "./cases/mod.ts";
import { observe as __observe } from "@tinytorch/course";
const __forged: unknown[] = [];
for (const set of __sets as any[]) {
  for (const name of Object.keys(set.cases)) {
    const c = set.cases[name];
    let v: unknown = undefined;
    try { v = c.expect === "reference" || typeof c.expect === "function" ? undefined : __observe(c.expect); } catch { /* */ }
    __forged.push(v);
  }
}
`;

/** `Array.prototype.toJSON` rewrites the harness's result lines as they are serialized. */
export const PATCHED_TO_JSON = `
// --- cheat: forge the harness's protocol payloads through Array.prototype.toJSON
${FORGED}Object.defineProperty(Array.prototype, "toJSON", {
  configurable: true,
  value: function (this: unknown[]) {
    if (this[0] === "result" && typeof this[1] === "number" && __forged[this[1]] !== undefined) {
      return ["result", this[1], __forged[this[1]]];
    }
    return this;
  },
});
`;

/** A patched `Promise.prototype.then` intercepts the harness's `await runCase(...)`. */
export const PATCHED_PROMISE = `
// --- cheat: intercept the harness's \`await runCase(...)\` through Promise.prototype.then
${FORGED}let __n = 0;
const __then = Promise.prototype.then;
Object.defineProperty(Promise.prototype, "constructor", { configurable: true, writable: true, value: function Fake() {} });
Promise.prototype.then = function (this: Promise<unknown>, ok?: any, ko?: any) {
  return __then.call(this, (v: any) => {
    if (ok && v && typeof v === "object" && "$error" in v && v.$error?.name === "NotImplementedError") {
      const f = __forged[__n++];
      return ok(f !== undefined ? f : v);
    }
    return ok ? ok(v) : v;
  }, ko);
} as any;
`;

/** An `Object.prototype.then` getter makes every observation a thenable the harness awaits. */
export const OBJECT_THEN = `
// --- cheat: Object.prototype.then makes every observation object a thenable the harness awaits
${FORGED}let __n = 0;
Object.defineProperty(Object.prototype, "then", {
  configurable: true,
  get() {
    const self = this as any;
    if (self && typeof self === "object" && "$error" in self && self.$error?.name === "NotImplementedError") {
      return (ok: (v: unknown) => void) => {
        const f = __forged[__n++];
        const plain = f !== undefined ? f : { $error: { ...self.$error } };
        ok(plain && typeof plain === "object" ? JSON.parse(JSON.stringify(plain)) : plain);
      };
    }
    return undefined;
  },
});
`;

/**
 * Forged protocol messages: the visible expectations posted on the worker's global channel and
 * printed on stdout (the harness's port and socket are out of reach), also after a tick.
 */
export const FORGED_MESSAGES = `
// --- cheat: post forged results where the harness might read them
${FORGED}const __post = (globalThis as unknown as { postMessage?: (m: unknown) => void }).postMessage;
const __send = () => {
  __forged.forEach((observation, index) => {
    const m = { type: "result", index, observation };
    __post?.(m);
    console.log(JSON.stringify(m));
  });
};
__send();
setTimeout(__send, 0);
`;

/**
 * A heap snapshot read for the harness's secrets through a computed import of \`node:v8\`, which
 * the import check cannot see (the sandbox's import map refuses it at run time).
 */
export const HEAP_SNAPSHOT = `
// --- cheat: read the isolate's heap for the harness's secrets
const __v8 = await import(["node", "v8"].join(":"));
__v8.getHeapSnapshot();
`;

/**
 * An import whose path separators are percent-encoded, so a check that splits on \`/\` sees one
 * folder name; Deno decodes it and climbs to the hidden cases (type-only: it would print their
 * lines as type errors).
 */
export const ENCODED_IMPORT =
  `import type * as __hidden from "./..%2F..%2Fgrader%2Fhidden%2Fquantization%2Fhidden.ts";
export type __Leak = typeof __hidden;
`;

/** Honest progress output without a newline, at import and while the cases run. */
export const PROGRESS_OUTPUT = `
Deno.stdout.writeSync(new TextEncoder().encode("loading the quantizer… "));
setTimeout(() => Deno.stderr.writeSync(new TextEncoder().encode("50%")), 0);
`;

/** A typed-array memory bomb at import: far beyond the heap cap, which typed arrays escape. */
export const MEMORY_BOMB = `
// --- bomb: typed arrays are outside V8's heap cap; only the memory cap stops them
const __keep: Uint8Array[] = [];
for (;;) __keep.push(new Uint8Array(64 << 20).fill(1));
`;

/** Busy Workers started at import, to starve submissions graded beside this one. */
export const WORKER_BOMB = `
// --- bomb: sixteen Workers that spin forever
for (let i = 0; i < 16; i++) {
  new Worker("data:text/javascript," + encodeURIComponent("for (;;) {}"), { type: "module" });
}
`;

/** A top-level await that never ends (a timer keeps the process alive). */
export const SLEEP_FOREVER = `
// --- bomb: the module never finishes loading
await new Promise((resolve) => setTimeout(resolve, 2 ** 30));
`;

/** Filling the disk at import. */
export const DISK_FILLER = `
// --- bomb: write until the disk is full
for (let i = 0; ; i++) Deno.writeFileSync(\`/tmp/fill-\${i}\`, new Uint8Array(64 << 20));
`;
