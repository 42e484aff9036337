import assert from "node:assert/strict";
import { errorLocation, repositoryCheck } from "./doctor_findings.ts";

Deno.test("tito: errorLocation() finds the file, line and column, relative to the project", () => {
  assert.equal(
    errorLocation("SyntaxError: x\n  at file:///p/modules/a/b.ts:3:7", "/p"),
    "modules/a/b.ts:3:7",
  );
  assert.equal(errorLocation("Error: no location", "/p"), null);
});

Deno.test("tito: repositoryCheck() warns in a course repository and knows a release by its marker", async () => {
  const root = await Deno.makeTempDir({ prefix: "tito-repo-" });
  try {
    assert.equal((await repositoryCheck(root)).detail, "a copy of the course without the grader");
    await Deno.writeTextFile(`${root}/tinytorch-release.json`, "{}");
    assert.deepEqual(await repositoryCheck(root), {
      name: "repository",
      ok: true,
      detail: "a student release",
    });
    await Deno.mkdir(`${root}/grader/hidden`, { recursive: true });
    const course = await repositoryCheck(root);
    assert.equal(course.ok, true, "a warning, not a problem");
    assert.equal(course.warn, true);
    assert.match(course.detail, /holds the hidden cases/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
