import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";
import { errorLocation, repositoryCheck } from "./doctor_findings.ts";

Deno.test("tito: doctor names the file and line of a syntax error and the package that causes the others to fail", async () => {
  await using f = await fixture();
  const add = await f.read("modules/adder/add.ts");
  await f.write("modules/adder/add.ts", add.replace("return a + b;", "return a + ;"));
  const r = await f.tito(["doctor"]);
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /❌ @tinytorch\/adder loads — SyntaxError: Expression expected at modules\/adder\/add\.ts:10:14\n {3}fix: Fix the error at modules\/adder\/add\.ts:10:14; tito test --module adder shows it in context\./,
  );
  assert.match(r.stdout, /❌ @tinytorch\/scaler loads — fails because @tinytorch\/adder does/);
  assert.match(r.stdout, /❌ @tinytorch\/datasets loads — fails because @tinytorch\/adder does/);
  assert.doesNotMatch(r.stdout, /TypeError: SyntaxError/);
  assert.doesNotMatch(r.stdout, /--module (scaler|datasets)/, "only the cause gets a command");
  assert.match(r.stdout, /✅ \.tito\/ writable/);
});

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
