/**
 * How the learner typed tito, so hints can be copied as they are: `tito …` through the installed
 * launcher, `npx -y deno@<version> task tito …` when Deno came from npx, else `deno task tito …`.
 *
 * @module
 */

/** Where tito's commands can come from. */
export interface Invocation {
  /** `TITO_CWD`, which only the launcher sets. */
  readonly launcherCwd?: string;
  /** The running Deno executable. */
  readonly execPath: string;
  /** The running Deno version. */
  readonly version: string;
}

/**
 * The command prefix that runs tito the way it was run this time.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { titoPrefix } from "./invocation.ts";
 * assert.equal(titoPrefix({ execPath: "/usr/bin/deno", version: "2.9.6" }), "deno task tito");
 * ```
 *
 * @param from How tito was started; default this process.
 * @returns e.g. `"tito"`, `"deno task tito"` or `"npx -y deno@2.9.6 task tito"`.
 */
export function titoPrefix(from: Invocation = current()): string {
  if (from.launcherCwd) return "tito";
  if (/[/\\]_npx[/\\]/.test(from.execPath)) return `npx -y deno@${from.version} task tito`;
  return "deno task tito";
}

function current(): Invocation {
  return {
    launcherCwd: Deno.env.get("TITO_CWD"),
    execPath: Deno.execPath(),
    version: Deno.version.deno,
  };
}

/**
 * A hint's command spelled the way tito was run: a leading `tito ` becomes {@linkcode titoPrefix}.
 *
 * @param text A command, e.g. `tito module start 02`.
 * @param prefix The prefix; default this process's.
 * @returns The command to type.
 */
export function spelled(text: string, prefix: string = titoPrefix()): string {
  return text.startsWith("tito ") ? `${prefix}${text.slice(4)}` : text;
}
