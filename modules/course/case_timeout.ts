/**
 * How long one case may run when it is graded, in milliseconds: past it the case fails. The
 * grader's `DEFAULT_LIMITS.caseTimeoutMs` and `tito test` both use this limit, so a case that is
 * too slow locally is too slow in grading too.
 *
 * @example Usage
 * ```ts
 * import { CASE_TIMEOUT_MS } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * assert.equal(CASE_TIMEOUT_MS / 1000, 5); // seconds
 * ```
 */
export const CASE_TIMEOUT_MS = 5_000;
