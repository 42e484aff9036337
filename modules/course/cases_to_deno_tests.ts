import { type CaseSet, expectedObservation, expectsReference, judge, runCase } from "./cases.ts";
import { NotImplementedError } from "./not_implemented_error.ts";
import { asError } from "./observation.ts";

/** The error a failing case throws in `deno test`. */
export class CaseFailure extends Error {
  /**
   * Creates the failure of one case.
   *
   * @param test The test name, `"<task> <case>"`.
   * @param problem What the comparison found.
   */
  constructor(test: string, problem: string) {
    super(`${test}: ${problem}`);
    this.name = "CaseFailure";
  }
}

/**
 * Registers every case as a `Deno.test` named `"<task> <case name>"`, so a task is selected with
 * `deno test --filter '/^tensor\.3 /'`. Cases that expect `"reference"` are registered as ignored:
 * only the grader can evaluate them.
 *
 * A case whose code is still a stub fails with the stub's {@linkcode NotImplementedError}.
 *
 * @example Usage
 * ```ts ignore
 * import { casesToDenoTests } from "@tinytorch/course";
 * import * as api from "../mod.ts";
 * import { cases } from "./cases/mod.ts";
 * casesToDenoTests(cases, api);
 * ```
 *
 * @param sets The case sets of a module.
 * @param api The implementation the cases run against.
 */
export function casesToDenoTests<Api>(sets: readonly CaseSet<Api>[], api: Api): void {
  for (const set of sets) {
    for (const [name, c] of Object.entries(set.cases)) {
      const test = `${set.task} ${name}`;
      Deno.test({
        name: test,
        ignore: expectsReference(c),
        fn: async () => {
          const got = await runCase(c, api);
          const problem = judge(c, got, await expectedObservation(c));
          if (problem === null) return;
          const error = asError(got);
          if (error?.name === "NotImplementedError") {
            throw new NotImplementedError(error.task ?? set.task);
          }
          throw new CaseFailure(test, problem);
        },
      });
    }
  }
}
