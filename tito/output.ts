// deno-lint-ignore-file no-console -- the one place where tito prints
/**
 * How tito prints: colour through `node:util` `styleText` (plain text when `NO_COLOR` is set or
 * the stream is not a terminal), text tables and bars, and progress bars only on a terminal.
 *
 * @module
 */
import { styleText } from "node:util";
import process from "node:process";
import cliProgress from "cli-progress";
import { spelled } from "./invocation.ts";

type Style = Parameters<typeof styleText>[0];

function paint(style: Style, text: string, stream = process.stdout): string {
  return styleText(style, text, { stream });
}

/** Green text (on a colour terminal). */
export const green = (text: string): string => paint("green", text);
/** Red text. */
export const red = (text: string): string => paint("red", text);
/** Yellow text. */
export const yellow = (text: string): string => paint("yellow", text);
/** Dim text. */
export const dim = (text: string): string => paint("dim", text);
/** Bold text. */
export const bold = (text: string): string => paint("bold", text);
/** Cyan text, for commands the learner can type, spelled the way tito was run (`tito …`). */
export const command = (text: string): string => paint("cyan", spelled(text));

/** Prints lines to standard output. */
export function say(...lines: string[]): void {
  for (const line of lines) console.log(line);
}

/** Prints a warning to standard error. */
export function warn(text: string): void {
  console.error(styleText("yellow", `⚠️  ${text}`, { stream: process.stderr }));
}

/** Where a command's printer writes: lines to standard output, warnings to standard error. */
export interface Out {
  /** Prints lines ({@linkcode say}). */
  say(...lines: string[]): void;
  /** Prints a warning ({@linkcode warn}). */
  warn(text: string): void;
}

/** Standard output and standard error. */
export const STDIO: Out = { say, warn };

/** Prints an error to standard error. */
export function complain(text: string, hint?: string): void {
  console.error(styleText("red", `❌ ${text}`, { stream: process.stderr }));
  if (hint) console.error(`   ${hint}`);
}

// deno-lint-ignore no-control-regex -- colour codes are control characters
const ANSI = /\x1b\[[0-9;]*m/g;

/** The printed width of a string, ignoring colour codes (emoji count as 2). */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, "")) {
    const code = ch.codePointAt(0)!;
    if (code === 0xfe0f || (code >= 0x300 && code < 0x370)) continue;
    width += code >= 0x1f300 || (code >= 0x2600 && code < 0x27c0 && code !== 0x2713) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - visibleWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * A text table with a header row and a rule under it.
 *
 * @param headers Column titles.
 * @param rows Cells (already formatted).
 * @param rightAligned Indices of columns aligned right (numbers).
 * @returns The lines of the table.
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string[] {
  const widths = headers.map((h, i) =>
    Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? "")))
  );
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => pad(c ?? "", widths[i], rightAligned.includes(i))).join("  ").trimEnd();
  return [bold(line(headers)), dim(widths.map((w) => "─".repeat(w)).join("  ")), ...rows.map(line)];
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A horizontal bar of `value / max` of `width` characters, with eighth-block resolution.
 *
 * @param value The value (≥ 0).
 * @param max The value of a full bar.
 * @param width Characters of a full bar.
 * @returns The bar.
 */
export function bar(value: number, max: number, width = 30): string {
  const eighths = max > 0 ? Math.round(Math.max(0, Math.min(1, value / max)) * width * 8) : 0;
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * Labelled bars, one per line, scaled to the largest value.
 *
 * @param items Labels, values and the text printed after each bar.
 * @param width Characters of the longest bar.
 * @returns The lines.
 */
export function barChart(
  items: readonly { label: string; value: number; text: string }[],
  width = 30,
): string[] {
  const max = Math.max(0, ...items.map((i) => i.value));
  const labelWidth = Math.max(0, ...items.map((i) => visibleWidth(i.label)));
  return items.map((i) =>
    `${pad(i.label, labelWidth, false)}  ${pad(bar(i.value, max, width), width, false)}  ${i.text}`
  );
}

/** A progress reporter: `(done, total)` as the library callbacks take it. */
export type OnProgress = (done: number, total: number) => void;

/**
 * A progress bar on a terminal, nothing otherwise (no bars in pipes, logs and tests).
 *
 * @param label What is running.
 * @returns A callback for `onProgress` options; the bar stops when `done === total`.
 */
export function progressBar(label: string): OnProgress | undefined {
  if (!Deno.stdout.isTerminal()) return undefined;
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {value}/{total}`,
    clearOnComplete: true,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

/**
 * Formats a count with thousands separators.
 *
 * @param n The number.
 * @returns e.g. `"109,386"`.
 */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
