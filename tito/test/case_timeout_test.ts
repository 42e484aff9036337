import assert from "node:assert/strict";
import { CASE_TIMEOUT_MS } from "@tinytorch/course";
import { exists } from "../files.ts";

const LIMITS = new URL("../../grader/sandbox/limits.ts", import.meta.url);

Deno.test({
  name: "tito: the per-case limit of tito test is the grader's",
  // A student release has no grader/.
  ignore: !await exists(LIMITS.pathname),
  fn: async () => {
    const { DEFAULT_LIMITS } = await import(LIMITS.href);
    assert.equal(CASE_TIMEOUT_MS, DEFAULT_LIMITS.caseTimeoutMs);
  },
});
