/**
 * `check:mistakes`: applies each catalogued mistake to the reference and grades the result
 * through the real grading pipeline: the patched file is submitted over the reference (a
 * sandbox is the scratch copy), the visible and the hidden cases run in sandboxed children, no
 * type check; the verdict says which of the task's cases caught it.
 *
 * @module
 */
import { findRegions, type ModuleInfo, MODULES } from "@tinytorch/course";
import { gradeSubmission } from "../grade_submission.ts";
import { type GradingContext, prepareGrading, type PrepareOptions } from "../grading_context.ts";
import type { CaseResult } from "../result.ts";
import type { Mistake } from "./mistake.ts";

/** How one mistake fared. */
export interface MistakeVerdict {
  /** The mistake. */
  readonly mistake: Mistake;
  /** Why it could not be applied (the reference changed), if so. */
  readonly problem?: string;
  /** The task's visible cases that failed on it. */
  readonly visible: readonly CaseResult[];
  /** The task's hidden cases that failed on it. */
  readonly hidden: readonly CaseResult[];
  /** The task's visible and hidden cases. */
  readonly cases: { readonly visible: number; readonly hidden: number };
  /** Cases of other tasks that failed on it (a later task depending on this one). */
  readonly elsewhere: readonly CaseResult[];
  /** Whether its `caughtBy` case failed with an answer (not a load error) and said why. */
  readonly ok: boolean;
}

/**
 * Applies a mistake to a module's sources.
 *
 * @param files The module's reference sources, by path relative to its folder.
 * @param mistake The mistake.
 * @returns The patched file's new text, or why it cannot be applied.
 */
export function applyMistake(
  files: ReadonlyMap<string, string>,
  mistake: Mistake,
): { readonly text: string } | { readonly problem: string } {
  const source = files.get(mistake.file);
  if (source === undefined) return { problem: `${mistake.file} does not exist` };
  const at = source.indexOf(mistake.search);
  if (at < 0) return { problem: `its text is not in ${mistake.file}` };
  if (source.indexOf(mistake.search, at + 1) >= 0) {
    return { problem: `its text occurs more than once in ${mistake.file}` };
  }
  if (mistake.search === mistake.replace) return { problem: "it changes nothing" };
  const first = source.slice(0, at).split("\n").length;
  const last = first + mistake.search.split("\n").length - 1;
  const inside = findRegions(source).some((r) =>
    r.task === mistake.task && r.start < first && last < r.end
  );
  if (!inside) return { problem: `its text lies outside the regions of ${mistake.task}` };
  return { text: source.slice(0, at) + mistake.replace + source.slice(at + mistake.search.length) };
}

async function judge(ctx: GradingContext, mistake: Mistake): Promise<MistakeVerdict> {
  const mine = ctx.catalog.entries.filter((e) => e.task === mistake.task);
  const cases = {
    visible: mine.filter((e) => !e.hidden).length,
    hidden: mine.filter((e) => e.hidden).length,
  };
  const none = { visible: [], hidden: [], elsewhere: [], cases };
  const files = new Map<string, string>();
  try {
    const path = `${ctx.root}/${ctx.catalog.module.dir}/${mistake.file}`;
    files.set(mistake.file, await Deno.readTextFile(path));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const patched = applyMistake(files, mistake);
  if ("problem" in patched) return { mistake, ...none, problem: patched.problem, ok: false };
  if (!mine.some((e) => !e.hidden && e.name === mistake.caughtBy)) {
    return {
      mistake,
      ...none,
      problem: `${mistake.task} has no visible case "${mistake.caughtBy}"`,
      ok: false,
    };
  }
  const { result } = await gradeSubmission(ctx, {
    student: `mistake-${mistake.id}`,
    fingerprint: mistake.id,
    files: new Map([[mistake.file, new TextEncoder().encode(patched.text)]]),
  }, { base: "reference" });
  const failed = result.cases.filter((c) => !c.passed);
  const visible = failed.filter((c) => c.task === mistake.task && !c.hidden);
  const hidden = failed.filter((c) => c.task === mistake.task && c.hidden);
  const elsewhere = failed.filter((c) => c.task !== mistake.task);
  const expected = visible.find((c) => c.name === mistake.caughtBy);
  const ok = result.status === "graded" && expected !== undefined &&
    expected.kind === "wrong-answer" && (expected.message ?? "") !== "";
  const problem = result.status !== "graded"
    ? `grading ended with ${result.status}: ${result.notes.join("; ")}`
    : undefined;
  return { mistake, visible, hidden, elsewhere, cases, ok, ...(problem ? { problem } : {}) };
}

/** Options of {@linkcode checkMistakes}. */
export interface CheckMistakesOptions extends PrepareOptions {
  /** Mistakes graded at once; default 2. */
  readonly jobs?: number;
  /** The course registry. */
  readonly modules?: readonly ModuleInfo[];
}

/**
 * Grades every mistake of one module (see the module doc).
 *
 * @param root The repository.
 * @param module The module name.
 * @param mistakes Its mistakes.
 * @param options Parallelism, limits, registry.
 * @returns One verdict per mistake, in catalogue order.
 */
export async function checkMistakes(
  root: string,
  module: string,
  mistakes: readonly Mistake[],
  options: CheckMistakesOptions = {},
): Promise<MistakeVerdict[]> {
  const modules = options.modules ?? MODULES;
  const ctx = await prepareGrading(root, module, { ...options, modules, typeCheck: false });
  const verdicts: MistakeVerdict[] = new Array(mistakes.length);
  let next = 0;
  const worker = async () => {
    while (next < mistakes.length) {
      const i = next++;
      verdicts[i] = await judge(ctx, mistakes[i]);
    }
  };
  const jobs = Math.max(1, options.jobs ?? 2);
  await Promise.all(Array.from({ length: Math.min(jobs, mistakes.length) }, worker));
  return verdicts;
}
