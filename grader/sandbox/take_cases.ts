/**
 * Runs inside the sandboxed child, before any submission code: takes the cases out of the case
 * modules the entry imported. The harness gets copies holding only `run`, and the modules' own
 * exports are emptied, so a submission that imports a case module afterwards (a computed dynamic
 * import of a module already loaded needs no read permission in Deno) finds no case, no
 * expectation and no oracle in it.
 *
 * @module
 */
import type { Case, CaseSet } from "@tinytorch/course";

/** The cases a child runs, in order: the visible ones, then the hidden ones. */
export interface HarnessCases {
  /** The visible case sets (`modules/<m>/cases/mod.ts`'s `cases`). */
  readonly visible: readonly CaseSet<unknown>[];
  /** The hidden case sets, file by file. */
  readonly hidden: readonly CaseSet<unknown>[];
}

function take(exported: unknown): CaseSet<unknown>[] {
  const sets = (Array.isArray(exported) ? [...exported] : [exported]) as CaseSet<unknown>[];
  const copies = sets.map((set) => {
    const original = set.cases as Record<string, Case<unknown>>;
    const cases: Record<string, Case<unknown>> = {};
    for (const name of Object.keys(original)) {
      cases[name] = { run: original[name].run };
      delete original[name];
    }
    return { task: set.task, cases };
  });
  if (Array.isArray(exported)) exported.length = 0;
  return copies;
}

/**
 * Copies the cases' `run` functions (names and tasks kept, expectations and comparisons left
 * behind) and empties the exported case sets.
 *
 * @param visible The visible case module's `cases` export.
 * @param hidden Each hidden case file's default export (a case set or an array of them).
 * @returns The copies, in harness order.
 */
export function takeCases(visible: unknown, hidden: readonly unknown[]): HarnessCases {
  return { visible: take(visible), hidden: hidden.flatMap(take) };
}
