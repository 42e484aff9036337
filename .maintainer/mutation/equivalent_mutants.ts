/**
 * Mutants of the solution regions that no case can kill because no behaviour changes. Each
 * entry says why in one line; `deno task mutation` fails when an entry no longer matches a
 * surviving mutant.
 *
 * @module
 */
import type { EquivalentMutant } from "./mutation_plan.ts";

/** The equivalent mutants, by module and task. */
export const EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [];
