import { runDenoIsolated } from "./deno_process.ts";
import { fromFileUrl } from "./paths.ts";

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
const SPECIFIER = /\b(?:import|from)\s*\(?\s*["'`]([^"'`]+)["'`]/g;

function escapes(specifier: string, file: string, sandbox: string): boolean {
  if (/^(\/|file:)/.test(specifier)) return true;
  if (!specifier.startsWith(".")) return false;
  const dir = `${sandbox}/${file}`.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") dir.pop();
    else if (part !== ".") dir.push(part);
  }
  return !`${dir.join("/")}/`.startsWith(`${sandbox}/`);
}

/**
 * A fast textual pre-check before `deno info`: import specifiers that are absolute paths or climb
 * out of the sandbox (`deno info` reads local files, and would hang on `import "/dev/zero"`).
 *
 * @param sandbox The sandbox root.
 * @param files Submitted files, relative to the sandbox.
 * @returns One refusal per offending specifier.
 */
export async function obviousEscapes(sandbox: string, files: readonly string[]): Promise<string[]> {
  const refused: string[] = [];
  for (const file of files) {
    const source = await Deno.readTextFile(`${sandbox}/${file}`);
    for (const [, specifier] of source.matchAll(SPECIFIER)) {
      if (escapes(specifier, file, sandbox)) {
        refused.push(`${file} imports "${specifier}": only files of the course may be imported`);
      }
    }
  }
  return refused;
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
  if (resolved.startsWith("node:")) return null;
  if (resolved.startsWith("npm:")) {
    const name = npmPackage(resolved);
    return name !== undefined && allow.includes(name)
      ? null
      : `the npm package "${name}" is not allowed (allowed: ${allow.join(", ")})`;
  }
  if (resolved.startsWith("file:")) {
    const path = fromFileUrl(resolved);
    if (!path.startsWith(`${sandbox}/`)) return "a file outside the course";
    const rel = path.slice(sandbox.length + 1);
    if (rel.startsWith("grader/") || rel.startsWith("_grader/")) return "a grader file";
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
  if (obvious.length > 0) return { refused: obvious, unreadable: [], unused: [] };
  const roots = options.roots.map((f) => `import "../${f}";`).join("\n") + "\n";
  await Deno.writeTextFile(`${sandbox}/${ROOTS}`, roots);
  try {
    const info = await runDenoIsolated(
      ["info", "--json", "--no-remote", "--no-npm", "--no-lock", ROOTS],
      { cwd: sandbox, timeoutMs: INFO_TIMEOUT_MS },
    );
    if (info.timedOut || info.code !== 0) {
      const why = info.timedOut
        ? `took longer than ${INFO_TIMEOUT_MS / 1000} s`
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
    return { refused: [...new Set(refused)], unreadable, unused };
  } finally {
    await Deno.remove(`${sandbox}/${ROOTS}`).catch(() => {});
  }
}
