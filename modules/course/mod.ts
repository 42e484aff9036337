/**
 * The course itself, shared by the course modules, `tito` and the grader: the registry of modules
 * and tasks, {@linkcode NotImplementedError}, task tests as data (cases) with their comparisons,
 * and the stub renderer that turns reference solutions into student stubs.
 *
 * @example Define and run cases
 * ```ts
 * import { allClose, defineCases, expectedObservation, judge, runCase } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const api = { half: (x: number) => x / 2 };
 * const set = defineCases("demo.1", {
 *   "halves": { run: (a: typeof api) => a.half(3), expect: 1.5, compare: allClose() },
 * });
 * const c = set.cases["halves"];
 * assert.equal(judge(c, await runCase(c, api), await expectedObservation(c)), null); // null: passed
 * ```
 *
 * @module
 */
export * from "./not_implemented_error.ts";
export * from "./registry.ts";
export * from "./observation.ts";
export * from "./compare.ts";
export * from "./cases.ts";
export * from "./cases_to_deno_tests.ts";
export * from "./case_timeout.ts";
export * from "./render_stub.ts";
export * from "./render_directory.ts";
export * from "./random_values.ts";
