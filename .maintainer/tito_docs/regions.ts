/**
 * The generated regions of a Markdown file: each starts with
 * `<!-- tito-docs:begin <kind> <name> (…) -->` and ends with `<!-- tito-docs:end -->`.
 *
 * @module
 */

/** One generated region. */
export interface Region {
  /** `help` (a command's `--help`) or `session` (a transcript). */
  readonly kind: string;
  /** The command (`module start`) or the session's name. */
  readonly name: string;
}

const REGION = /<!-- tito-docs:begin (\S+) (.+?) \([^)]*\) -->\n[\s\S]*?<!-- tito-docs:end -->/g;

/**
 * The begin marker of a region.
 *
 * @param region The region.
 * @returns The marker's line.
 */
export function beginMarker(region: Region): string {
  return `<!-- tito-docs:begin ${region.kind} ${region.name} ` +
    "(written by `deno task docs:tito`; do not edit) -->";
}

/**
 * The regions of a document, in order.
 *
 * @param markdown The document.
 * @returns Its regions.
 */
export function listRegions(markdown: string): Region[] {
  return [...markdown.matchAll(REGION)].map((m) => ({ kind: m[1], name: m[2] }));
}

/**
 * Replaces the body of every region.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { replaceRegions } from "./regions.ts";
 * const doc = "a\n<!-- tito-docs:begin help doctor (x) -->\nold\n<!-- tito-docs:end -->\nb\n";
 * assert.equal(
 *   replaceRegions(doc, (r) => `new ${r.name}\n`),
 *   "a\n<!-- tito-docs:begin help doctor (written by `deno task docs:tito`; do not edit) -->\n" +
 *     "new doctor\n<!-- tito-docs:end -->\nb\n",
 * );
 * ```
 *
 * @param markdown The document.
 * @param body The new body of a region (ending with a newline).
 * @returns The document with new bodies.
 */
export function replaceRegions(markdown: string, body: (region: Region) => string): string {
  return markdown.replace(REGION, (_all, kind: string, name: string) => {
    const region = { kind, name };
    return `${beginMarker(region)}\n${body(region)}<!-- tito-docs:end -->`;
  });
}
