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
