/**
 * Making text that a submission or a student's name controls inert in the grader's outputs:
 * Markdown (`feedback.md`), CSV (`grades.csv`) and plain text.
 *
 * @module
 */

/** The longest student name written to an output, in characters; longer names are cut. */
export const MAX_NAME = 10_000;

// C0/C1 controls (tab and newline included: outputs are one line per value), bidi embeddings,
// overrides and isolates, and the zero-width marks that reorder or hide text.
const HIDING = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * Replaces control, bidi and zero-width characters by U+FFFD (so a name cannot reorder or hide
 * the text around it) and cuts the text to `max` characters with `…`.
 *
 * @param text Any text.
 * @param max The most characters kept.
 * @returns Printable text.
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { visibleText } from "./inert_text.ts";
 * assert.equal(visibleText("ab\u202Ecd"), "ab\uFFFDcd");
 * ```
 */
export function visibleText(text: string, max = MAX_NAME): string {
  const clean = text.replace(HIDING, "\uFFFD");
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : clean;
}

/**
 * Text as literal inline Markdown (never at the start of a line): control characters replaced
 * (see {@linkcode visibleText}) and every character CommonMark could read as inline markup or a
 * table cell's end backslash-escaped, so `*x*`, `[a](b)`, `<img>`, `&amp;` or `` ` `` stay the
 * characters they are.
 *
 * @param text Any text.
 * @param max The most characters kept.
 * @returns Markdown that renders as `text`.
 */
export function markdownText(text: string, max = MAX_NAME): string {
  return visibleText(text, max).replace(/[\\`*_[\]<>|~&]/g, "\\$&");
}

/**
 * A fenced code block that holds `text` verbatim, lines and tabs kept, other control and bidi
 * characters replaced: its fence is longer than any run of backticks in it.
 *
 * @param text The block's content.
 * @param info The info string, e.g. `text`.
 * @returns The Markdown lines.
 */
export function markdownFence(text: string, info = "text"): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const shown = text.replace(HIDING, (c) => c === "\t" || c === "\n" ? c : "\uFFFD");
  return [`${fence}${info}`, shown, fence];
}

/**
 * One CSV cell following OWASP's rule for CSV injection: a text starting with `=`, `+`, `-`, `@`,
 * tab or carriage return gets a leading `'`, so no spreadsheet evaluates it; cells holding a
 * quote, comma or line break are quoted. Numbers are written as they are.
 *
 * @param value The cell's value.
 * @returns The CSV text of the cell.
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { csvCell } from "./inert_text.ts";
 * assert.equal(csvCell("=1+1"), "'=1+1");
 * assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
 * ```
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
