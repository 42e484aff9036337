/**
 * The instructor's tools: the stub check today; release, autograde and reports later.
 *
 * @example Read a JUnit report
 * ```ts
 * import { parseJunit } from "@tinytorch/grader";
 * console.log(parseJunit('<testcase name="t.1 a"></testcase>')[0].status); // "passed"
 * ```
 *
 * @module
 */
export * from "./junit.ts";
export * from "./deno_process.ts";
export * from "./stub_check.ts";
