import type { Catalog } from "../catalog.ts";
import { runDenoIsolated } from "../deno_process.ts";

const MAX_REPORT = 6000;
const CHECK_TIMEOUT_MS = 120_000;
const CHECK_MEMORY_MB = 2048;

/** What {@linkcode typeCheck} found. */
export interface TypeReport {
  /** What the student sees: the diagnostics located in their own files only, or `""`. */
  readonly shown: string;
  /** Every diagnostic, for the instructor's log, or `""`. */
  readonly full: string;
}

const LOCATION = /^\s*at (?:file:\/\/)?(\S+?):\d+:\d+\s*$/;

/**
 * Splits `deno check` output into its diagnostics (blocks separated by blank lines, each with one
 * or more `at <file>:<line>:<col>` locations) and keeps those whose every location is a submitted
 * file. Each other diagnostic becomes one line naming the file it is located in, so no line of a
 * file the student did not submit (the reference of a prerequisite, a case file) reaches them.
 *
 * @param text `deno check`'s output, sandbox paths removed.
 * @param submitted The submitted files, relative to the sandbox.
 * @returns The text a student may see.
 */
export function studentDiagnostics(text: string, submitted: readonly string[]): string {
  const mine = new Set(submitted);
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== "");
  const out: string[] = [];
  for (const block of blocks) {
    const locations = block.split("\n").flatMap((l) => LOCATION.exec(l)?.[1] ?? []);
    if (locations.length === 0) {
      if (/^(Found \d+ errors?\.|error: Type checking failed\.)/m.test(block)) out.push(block);
      continue;
    }
    const foreign = locations.find((l) => !mine.has(l));
    out.push(
      foreign === undefined
        ? block
        : `A type error located in ${foreign}, a file you did not submit, is not shown.`,
    );
  }
  return out.join("\n\n");
}

function clip(text: string): string {
  return text.length > MAX_REPORT ? `${text.slice(0, MAX_REPORT)}\n…` : text;
}

/**
 * Type-checks the graded module and its visible cases inside a sandbox (`deno check` reads the
 * code, never runs it) under a time and a memory limit. Type errors are feedback: the cases still
 * run. The sandbox holds no hidden case and no reference of the graded module when this runs, and
 * the import check has refused every specifier that leaves it, so `deno check` (which takes no
 * read permissions) reads only what the submission may see.
 *
 * @param sandbox The sandbox root.
 * @param catalog The module's catalog.
 * @param submitted The submitted files, relative to the sandbox.
 * @returns The diagnostics, sandbox paths removed; both empty when it passes.
 */
export async function typeCheck(
  sandbox: string,
  catalog: Catalog,
  submitted: readonly string[],
): Promise<TypeReport> {
  const result = await runDenoIsolated(
    [
      "check",
      "--quiet",
      "--frozen",
      "--cached-only",
      `${catalog.module.dir}/mod.ts`,
      catalog.visibleFile,
    ],
    { cwd: sandbox, timeoutMs: CHECK_TIMEOUT_MS, memoryMb: CHECK_MEMORY_MB },
  );
  if (result.timedOut || result.outOfMemory) {
    const why = result.timedOut
      ? `deno check did not finish in ${CHECK_TIMEOUT_MS / 1000} s`
      : `deno check used more than ${CHECK_MEMORY_MB} MiB`;
    return { shown: why, full: why };
  }
  if (result.code === 0) return { shown: "", full: "" };
  const text = (result.stderr + result.stdout)
    .replaceAll(`file://${sandbox}/`, "")
    .replaceAll(`${sandbox}/`, "")
    .replace(/\n*Stack backtrace:[\s\S]*$/, "")
    .trim();
  return { shown: clip(studentDiagnostics(text, submitted)), full: clip(text) };
}
