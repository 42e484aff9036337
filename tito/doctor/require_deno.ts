/**
 * The Deno version the course is pinned to, and the check every `deno task` runs first:
 * `deno run tito/doctor/require_deno.ts <task>` exits 1, naming the required version and how to get it,
 * when the running Deno differs from it in major or minor version.
 *
 * It imports nothing, so it runs before Deno resolves any npm package: an older Deno on an empty
 * cache otherwise dies on a download error (a TLS failure) before any course code can explain.
 *
 * @module
 */

/** The Deno version the course is pinned to and tested with. */
export const REQUIRED_DENO = "2.9.6";

/**
 * Why a Deno version cannot run the course: `undefined` when it has the required major and minor
 * version (a patch difference is accepted here; `tito doctor` reports it), otherwise a message
 * naming both versions and the commands that install the right one.
 *
 * @example Usage
 * ```ts
 * import { denoVersionProblem } from "./require_deno.ts";
 * import assert from "node:assert/strict";
 * assert.equal(denoVersionProblem("2.9.7"), undefined);
 * assert.match(denoVersionProblem("2.4.4", { task: "demo" }) ?? "", /npx -y deno@2\.9\.6 task demo/);
 * ```
 *
 * @param running The running version, e.g. `Deno.version.deno`.
 * @param options The task to name in the `npx` hint, the executable, and the required version.
 * @returns The problem, or `undefined`.
 * @throws {RangeError} When `required` is not a `major.minor.patch` version.
 */
export function denoVersionProblem(
  running: string,
  options: { task?: string; execPath?: string; required?: string } = {},
): string | undefined {
  const required = options.required ?? REQUIRED_DENO;
  const want = /^(\d+)\.(\d+)\.\d+/.exec(required);
  if (!want) throw new RangeError(`Cannot check Deno versions: "${required}" is not x.y.z`);
  const got = /^(\d+)\.(\d+)\./.exec(running);
  if (got && got[1] === want[1] && got[2] === want[2]) return undefined;
  const task = options.task ? `task ${options.task}` : "task <task>";
  const where = options.execPath ? ` (${options.execPath})` : "";
  return [
    `❌ TinyTorch for Deno needs Deno ${want[1]}.${want[2]} (tested with ${required}); ` +
    `this is Deno ${running}${where}.`,
    `   install it: npm install -g deno@${required}`,
    `   or run it:  npx -y deno@${required} ${task}`,
  ].join("\n");
}

if (import.meta.main) {
  const problem = denoVersionProblem(Deno.version.deno, {
    task: Deno.args[0],
    execPath: Deno.execPath(),
  });
  if (problem) {
    // deno-lint-ignore no-console -- an entry point: the message is its whole job
    console.error(problem);
    Deno.exit(1);
  }
}
