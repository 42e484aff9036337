import { runDenoIsolated } from "../deno_process.ts";
import { fromFileUrl } from "../paths.ts";
import { REFUSED_NODE_MODULES } from "./sandbox_config.ts";

/** The outcome of {@linkcode checkImports}. */
export interface ImportCheck {
  /** Imports that are refused, each naming the file and the import. */
  readonly refused: readonly string[];
  /** Submitted files Deno could not read or parse (they will fail to load). */
  readonly unreadable: readonly string[];
  /** Submitted files the module never imports (relative to the sandbox). */
  readonly unused: readonly string[];
}

interface InfoDependency {
  readonly specifier: string;
  readonly assertionType?: string;
  readonly code?: { readonly specifier?: string };
  readonly type?: { readonly specifier?: string };
}

interface InfoModule {
  readonly specifier: string;
  readonly error?: string;
  readonly dependencies?: readonly InfoDependency[];
}

const ROOTS = "_grader/submitted.ts";
const INFO_TIMEOUT_MS = 10_000;
const INFO_MEMORY_MB = 1024;

/*
 * Every place a TypeScript or JavaScript file can name another module, in the forms Deno and
 * TypeScript accept: `import … from`, `export … from`, `import "x"`, `import("x")` (code or type
 * position), `require("x")`, triple-slash `<reference path|types|lib>`, and the `@ts-types`,
 * `@deno-types`, `@ts-self-types` and `@jsxImportSource(Types)` pragmas.
 */
const SPECIFIER_FORMS: readonly RegExp[] = [
  /\b(?:import|from|require)\s*\(?\s*(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
  /<reference\s+(?:path|types|lib)\s*=\s*(["'])(.*?)\1/g,
  /@(?:ts-types|deno-types|ts-self-types)\s*=\s*(["'])(.*?)\1/g,
  /@jsxImportSource(?:Types)?\s+()(\S+)/g,
];

/**
 * A static import with attributes (`with { type: "text" }`, `assert {…}`). A computed dynamic one
 * cannot be seen in the text; it can reach only modules already in the child's graph, which
 * hold nothing the student's release does not (the hidden cases run in children of their own).
 */
const ATTRIBUTES = /\b(?:import|from)\s*["'][^"'\n]*["']\s*(?:with|assert)\s*\{/;

const ENCODED = /%(?:2f|5c|2e|00)/i;

const OUTSIDE = "only files of the course may be imported";
const ESCAPED = "encoded or escaped separators and dots are not allowed in imports";
const UNDECODABLE = "the specifier cannot be decoded";
/** Problems that make it unsafe to let `deno info` follow the specifier (it reads any path). */
const UNSAFE_TO_FOLLOW = [OUTSIDE, ESCAPED, UNDECODABLE];

/**
 * Every module specifier a source names, in any of the forms Deno or TypeScript follow.
 *
 * @param source A submitted file's text.
 * @returns The specifiers as written (escapes of the string literal kept).
 */
export function specifiersOf(source: string): string[] {
  return SPECIFIER_FORMS.flatMap((form) => [...source.matchAll(form)].map((m) => m[2]));
}

/**
 * A normalised absolute path: `.` and `..` segments resolved, repeated slashes merged.
 *
 * @param path An absolute path.
 * @returns The path.
 */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "" && part !== ".") parts.push(part);
  }
  return `/${parts.join("/")}`;
}

function decoded(specifier: string): string | undefined {
  try {
    return decodeURIComponent(specifier);
  } catch {
    return undefined;
  }
}

function isRefusedNodeModule(specifier: string): boolean {
  return REFUSED_NODE_MODULES.includes(specifier.replace(/^node:/, ""));
}

/**
 * What is wrong with one specifier a submitted file writes, judged on its text before any tool
 * reads it: encoded separators or dots (`%2F`, `%5C`, `%2E`, in any case, which Deno decodes into
 * a path), backslashes, absolute paths and `file:` URLs, a relative path that leaves the sandbox
 * or enters the grader's folders once decoded and normalised, and Node's inspection modules.
 *
 * @param specifier The specifier as written.
 * @param file The file, relative to the sandbox.
 * @param sandbox The sandbox root.
 * @returns The problem, or `null`.
 */
export function specifierProblem(specifier: string, file: string, sandbox: string): string | null {
  if (ENCODED.test(specifier) || specifier.includes("\\")) {
    return ESCAPED;
  }
  const plain = decoded(specifier);
  if (plain === undefined) return UNDECODABLE;
  if (/^(\/|file:)/i.test(plain)) return OUTSIDE;
  if (isRefusedNodeModule(plain)) return `${plain} is not available to a graded submission`;
  if (!plain.startsWith(".")) return null;
  const path = normalizePath(`${sandbox}/${file}/../${plain}`);
  if (!path.startsWith(`${sandbox}/`)) return OUTSIDE;
  const rel = path.slice(sandbox.length + 1);
  if (/^_?grader(\/|$)/.test(rel)) return "a grader file may not be imported";
  return null;
}

/**
 * A fast textual pre-check before `deno info` and `deno check` read anything: every specifier
 * in every form (see {@linkcode specifierProblem}), and imports with attributes (text, bytes and
 * JSON imports hand over the source of any module in the graph without read permission).
 *
 * @param sandbox The sandbox root.
 * @param files Submitted files, relative to the sandbox.
 * @returns One refusal per offending specifier or import, and whether any of them makes it unsafe
 * to let a tool follow the imports.
 */
export async function obviousEscapes(
  sandbox: string,
  files: readonly string[],
): Promise<{ refused: string[]; unsafe: boolean }> {
  const refused: string[] = [];
  let unsafe = false;
  for (const file of files) {
    const source = await Deno.readTextFile(`${sandbox}/${file}`);
    for (const specifier of specifiersOf(source)) {
      const problem = specifierProblem(specifier, file, sandbox);
      if (problem) refused.push(`${file} imports "${specifier}": ${problem}`);
      if (problem && UNSAFE_TO_FOLLOW.includes(problem)) unsafe = true;
    }
    const attributes = ATTRIBUTES.exec(source);
    if (attributes) {
      refused.push(
        `${file} has an import with attributes ("${
          attributes[0].trim()
        }"): text, bytes and JSON imports are not allowed`,
      );
    }
  }
  return { refused, unsafe };
}

/**
 * The npm package an `npm:` specifier names (`npm:/mathjs@15.2.0/x` → `mathjs`).
 *
 * @param specifier The specifier.
 * @returns The package name, or `undefined` for anything else.
 */
export function npmPackage(specifier: string): string | undefined {
  const m = /^npm:\/?((?:@[^/@]+\/)?[^/@]+)/.exec(specifier);
  return m?.[1];
}

function verdict(
  resolved: string,
  sandbox: string,
  allow: readonly string[],
): string | null {
  if (resolved.startsWith("node:")) {
    return isRefusedNodeModule(resolved)
      ? `${resolved} is not available to a graded submission`
      : null;
  }
  if (resolved.startsWith("npm:")) {
    const name = npmPackage(resolved);
    return name !== undefined && allow.includes(name)
      ? null
      : `the npm package "${name}" is not allowed (allowed: ${allow.join(", ")})`;
  }
  if (resolved.startsWith("file:")) {
    if (ENCODED.test(resolved)) return "an encoded separator or dot";
    const path = normalizePath(fromFileUrl(resolved));
    if (!path.startsWith(`${sandbox}/`)) return "a file outside the course";
    const rel = path.slice(sandbox.length + 1);
    if (/^_?grader(\/|$)/.test(rel)) return "a grader file";
    return null;
  }
  return `a ${resolved.split(":")[0]}: import (only local course files, node: built-ins and ${
    allow.join(", ")
  } are allowed)`;
}

function relative(specifier: string, sandbox: string): string {
  return specifier.startsWith("file:")
    ? fromFileUrl(specifier).replace(`${sandbox}/`, "")
    : specifier;
}

/** Keeps the first refusal of each `<file> imports "<specifier>"`. */
function onePerImport(refusals: readonly string[]): string[] {
  const byImport = new Map<string, string>();
  for (const r of refusals) {
    const key = /^\S+ imports "[^"]*"/.exec(r)?.[0] ?? r;
    if (!byImport.has(key)) byImport.set(key, r);
  }
  return [...byImport.values()];
}

/** Options of {@linkcode checkImports}. */
export interface ImportCheckOptions {
  /** The module's entry points (its package exports), relative to the sandbox. */
  readonly roots: readonly string[];
  /** Submitted files, relative to the sandbox. */
  readonly submitted: readonly string[];
  /** Allowed npm package names. */
  readonly allow: readonly string[];
}

function dependencyProblems(m: InfoModule, sandbox: string, allow: readonly string[]): string[] {
  const name = relative(m.specifier, sandbox);
  const problems: string[] = [];
  for (const d of m.dependencies ?? []) {
    if (d.assertionType !== undefined) {
      problems.push(`${name} imports "${d.specifier}" as ${d.assertionType}: not allowed`);
    }
    for (const target of [d.code?.specifier, d.type?.specifier]) {
      if (target === undefined) continue;
      const problem = verdict(target, sandbox, allow);
      if (problem) problems.push(`${name} imports "${d.specifier}": ${problem}`);
    }
  }
  return problems;
}

/**
 * Checks the static import graph of the module with `deno info` (which reads but never runs the
 * code, offline: no remote or npm fetches) before anything executes. Deno's static graph may load
 * any local file without read permission, so every import a submitted file makes must resolve to
 * a file inside the sandbox (not the grader's), a `node:` built-in, or an allowed npm package.
 *
 * @param sandbox The sandbox root.
 * @param options The module's entry points, the submitted files, the npm allowlist.
 * @returns Refused imports (also when `deno info` fails or hangs, e.g. on `import "/dev/zero"`),
 * unreadable files, and submitted files the module does not import.
 */
export async function checkImports(
  sandbox: string,
  options: ImportCheckOptions,
): Promise<ImportCheck> {
  const obvious = await obviousEscapes(sandbox, options.submitted);
  if (obvious.unsafe) return { refused: obvious.refused, unreadable: [], unused: [] };
  const roots = options.roots.map((f) => `import "../${f}";`).join("\n") + "\n";
  await Deno.writeTextFile(`${sandbox}/${ROOTS}`, roots);
  try {
    const info = await runDenoIsolated(
      ["info", "--json", "--no-remote", "--no-npm", "--no-lock", ROOTS],
      { cwd: sandbox, timeoutMs: INFO_TIMEOUT_MS, memoryMb: INFO_MEMORY_MB },
    );
    if (info.timedOut || info.outOfMemory || info.code !== 0) {
      const why = info.timedOut
        ? `took longer than ${INFO_TIMEOUT_MS / 1000} s`
        : info.outOfMemory
        ? `used more than ${INFO_MEMORY_MB} MiB`
        : info.stderr.slice(0, 500).trim();
      return {
        refused: [`the import graph could not be checked (deno info ${why}), so nothing runs`],
        unreadable: [],
        unused: [],
      };
    }
    const graph = JSON.parse(info.stdout) as { modules: InfoModule[] };
    const submitted = new Set(options.submitted.map((f) => `${sandbox}/${f}`));
    const reached = new Set<string>();
    const refused: string[] = [];
    const unreadable: string[] = [];
    for (const m of graph.modules) {
      if (!m.specifier.startsWith("file:") || !submitted.has(fromFileUrl(m.specifier))) continue;
      reached.add(fromFileUrl(m.specifier));
      if (m.error) {
        unreadable.push(
          `${relative(m.specifier, sandbox)}: ${m.error.replaceAll(`${sandbox}/`, "")}`,
        );
      }
      refused.push(...dependencyProblems(m, sandbox, options.allow));
    }
    const unused = options.submitted.filter((f) => !reached.has(`${sandbox}/${f}`));
    return { refused: onePerImport([...obvious.refused, ...refused]), unreadable, unused };
  } finally {
    await Deno.remove(`${sandbox}/${ROOTS}`).catch(() => {});
  }
}
