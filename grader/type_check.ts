import type { Catalog } from "./catalog.ts";
import { runDenoIsolated } from "./deno_process.ts";

const MAX_REPORT = 6000;

/**
 * Type-checks the graded module and its visible cases inside a sandbox (`deno check` reads the
 * code, never runs it). Type errors are feedback: the cases still run.
 *
 * @param sandbox The sandbox root.
 * @param catalog The module's catalog.
 * @returns `deno check`'s diagnostics with sandbox paths removed, or `""` when it passes.
 */
export async function typeCheck(sandbox: string, catalog: Catalog): Promise<string> {
  const result = await runDenoIsolated(
    [
      "check",
      "--quiet",
      "--frozen",
      "--cached-only",
      `${catalog.module.dir}/mod.ts`,
      catalog.visibleFile,
    ],
    { cwd: sandbox, timeoutMs: 120_000 },
  );
  if (result.timedOut) return "deno check did not finish in 120 s";
  if (result.code === 0) return "";
  const text = (result.stderr + result.stdout)
    .replaceAll(`file://${sandbox}/`, "")
    .replaceAll(`${sandbox}/`, "")
    .replace(/\n*Stack backtrace:[\s\S]*$/, "")
    .trim();
  return text.length > MAX_REPORT ? `${text.slice(0, MAX_REPORT)}\n…` : text;
}
