/**
 * What differs between two runs of the same tito command, replaced by placeholders so that a
 * transcript is the same on every machine and every day.
 *
 * @module
 */

/** Where a run happened: its project folder and the Deno that ran it. */
export interface RunPlace {
  /** The project's folder (a temporary copy of the fixture course). */
  readonly root: string;
  /** The Deno executable, `Deno.execPath()`. */
  readonly deno: string;
  /** The running Deno's version, `Deno.version.deno`. */
  readonly denoVersion: string;
}

const RULES: readonly [RegExp, string][] = [
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>"],
  [/\b\d{8}T\d{6}(-\d+)?\b/g, "<time>"],
  [/\b\d{4}-\d\d-\d\d\b/g, "<date>"],
  [/\b[0-9a-f]{16,64}\b/g, "<sha256>"],
  [/\b\d[\d,]* bytes, sha256 /g, "<n> bytes, sha256 "],
  [/\(\d+(\.\d+)?(ns|µs|ms|s)\)/g, "(<duration>)"],
];

/**
 * Replaces the project folder by `<project>`, the Deno executable by `<deno>`, the running
 * version by `<deno version>`, times by `<time>` (UTC stamps in file names and ISO times) and
 * `<date>`, SHA-256 digests (16 hex digits or more) by `<sha256>`, an archive's size by `<n>` and
 * durations in parentheses by `(<duration>)`; removes trailing spaces.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalise } from "./normalise.ts";
 * const place = { root: "/tmp/fx", deno: "/usr/bin/deno", denoVersion: "2.9.6" };
 * assert.equal(
 *   normalise("Backed up to /tmp/fx/.tito/backups/adder-20261204T023235/", place),
 *   "Backed up to <project>/.tito/backups/adder-<time>/",
 * );
 * ```
 *
 * @param text What a run printed.
 * @param place Where it ran.
 * @returns The text with placeholders.
 */
export function normalise(text: string, place: RunPlace): string {
  let out = text.replaceAll(place.root, "<project>").replaceAll(place.deno, "<deno>")
    .replaceAll(`running ${place.denoVersion} `, "running <deno version> ");
  for (const [pattern, placeholder] of RULES) out = out.replace(pattern, placeholder);
  return out.replace(/[ \t]+$/gm, "");
}
