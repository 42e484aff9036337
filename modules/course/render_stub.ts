/** One solution region found in a source file. */
export interface Region {
  /** The task id after `#region solution`. */
  readonly task: string;
  /** 1-based line of the `// #region solution` marker. */
  readonly start: number;
  /** 1-based line of the matching `// #endregion`. */
  readonly end: number;
}

/** Options of {@linkcode renderStub}. */
export interface RenderOptions {
  /** Where the learner reads about the task, shown in the TODO line; default the module README. */
  readonly lesson?: string;
  /** Render only the regions of this task (the stub check stubs one task at a time). */
  readonly only?: string;
}

const OPEN = /^(\s*)\/\/\s*#region solution\s+(\S+)\s*$/;
const CLOSE = /^\s*\/\/\s*#endregion\b/;
const OTHER_OPEN = /^\s*\/\/\s*#region\b/;

/** The import a stub needs for the error it throws. */
export const STUB_IMPORT = 'import { NotImplementedError } from "@tinytorch/course";';

/** The lint rules an emptied body may trigger, which a stub may therefore ignore. */
export const STUB_LINT_RULES: readonly string[] = [
  "no-unused-vars",
  "require-await",
  "verbatim-module-syntax",
];

const HEADER = "// deno-lint-ignore-file ";

/**
 * Sets a stub's file-level lint ignores: exactly `rules` (Deno's lint reports an ignore that is
 * not needed, so the renderer cannot add a fixed list). An earlier stub header is replaced.
 *
 * @param source A rendered stub.
 * @param rules The rules its emptied bodies trigger; none removes the header.
 * @returns The stub with its header.
 */
export function withLintHeader(source: string, rules: readonly string[]): string {
  const body = withoutStubHeader(source);
  return rules.length === 0 ? body : `${HEADER}${[...rules].sort().join(" ")}\n${body}`;
}

/**
 * Removes a stub's lint header: a first line `// deno-lint-ignore-file` naming only rules of
 * {@linkcode STUB_LINT_RULES}. Any other file-level ignore (a reference's own) stays.
 *
 * @param source A file's text.
 * @returns The text without the stub header.
 */
export function withoutStubHeader(source: string): string {
  if (!source.startsWith(HEADER)) return source;
  const end = source.indexOf("\n");
  const rules = source.slice(HEADER.length, end < 0 ? undefined : end).trim().split(/\s+/);
  const stub = rules.length > 0 && rules.every((r) => STUB_LINT_RULES.includes(r));
  return stub ? source.slice(end + 1) : source;
}

/**
 * Finds the solution regions of a source file.
 *
 * @example Usage
 * ```ts
 * import { findRegions } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const src = "function f() {\n  // #region solution demo.1\n  return 1;\n  // #endregion\n}\n";
 * assert.deepEqual(findRegions(src), [{ task: "demo.1", start: 2, end: 4 }]);
 * ```
 *
 * @param source The file's text.
 * @returns The regions in file order.
 * @throws {SyntaxError} For a region left open, an `#endregion` without a region, or nesting.
 */
export function findRegions(source: string): Region[] {
  const lines = source.split("\n");
  const regions: Region[] = [];
  let open: { task: string; start: number } | undefined;
  let depth = 0;
  lines.forEach((line, i) => {
    const m = OPEN.exec(line);
    if (m) {
      if (open) {
        throw new SyntaxError(
          `Cannot nest region "${m[2]}" at line ${
            i + 1
          } inside "${open.task}" (line ${open.start})`,
        );
      }
      open = { task: m[2], start: i + 1 };
    } else if (OTHER_OPEN.test(line)) {
      depth++;
    } else if (CLOSE.test(line)) {
      if (depth > 0) depth--;
      else if (open) {
        regions.push({ ...open, end: i + 1 });
        open = undefined;
      } else throw new SyntaxError(`Cannot close a region at line ${i + 1}: none is open`);
    }
  });
  if (open) {
    throw new SyntaxError(
      `Cannot find the end of region "${open.task}" opened at line ${open.start}`,
    );
  }
  return regions;
}

function insertImport(lines: string[]): string[] {
  if (lines.some((l) => /\bNotImplementedError\b/.test(l) && /^\s*import\b/.test(l))) return lines;
  const firstImport = lines.findIndex((l) => /^import\b/.test(l));
  if (firstImport >= 0) {
    return [...lines.slice(0, firstImport), STUB_IMPORT, ...lines.slice(firstImport)];
  }
  let at = 0;
  const end = lines[0]?.startsWith("/**") ? lines.findIndex((l) => l.includes("*/")) : -1;
  if (end >= 0 && lines.slice(0, end + 1).some((l) => l.includes("@module"))) at = end + 1;
  return [...lines.slice(0, at), STUB_IMPORT, ...lines.slice(at)];
}

/**
 * Renders a source file as a student stub: each region's body becomes a TODO line and
 * `throw new NotImplementedError("<task>")`; the markers, signatures, JSDoc and everything outside
 * regions stay. Adds the import when the file has regions (lint ignores for what the emptied
 * bodies leave unused come from {@linkcode withLintHeader}). Pure and idempotent.
 *
 * @example Usage
 * ```ts
 * import { renderStub } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const src = "export function f(): number {\n  // #region solution demo.1\n  return 1;\n  // #endregion\n}\n";
 * assert.ok(renderStub(src).includes('throw new NotImplementedError("demo.1");'));
 * ```
 *
 * @param source The reference file's text.
 * @param options Where the lesson is.
 * @returns The stub's text (unchanged when there are no regions).
 * @throws {SyntaxError} When the regions are malformed.
 */
export function renderStub(source: string, options: RenderOptions = {}): string {
  const regions = findRegions(source).filter((r) => !options.only || r.task === options.only);
  if (regions.length === 0) return source;
  const lines = source.split("\n");
  const out: string[] = [];
  let next = 0;
  for (const r of regions) {
    out.push(...lines.slice(next, r.start));
    const indent = OPEN.exec(lines[r.start - 1])![1];
    const where = options.lesson ?? "the module's README.md";
    out.push(`${indent}// TODO(${r.task}): implement this; the lesson is in ${where}`);
    out.push(`${indent}throw new NotImplementedError("${r.task}");`);
    out.push(lines[r.end - 1]);
    next = r.end;
  }
  out.push(...lines.slice(next));
  return insertImport(out).join("\n");
}
