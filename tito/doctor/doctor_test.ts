import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { doctor, printDoctor } from "./doctor.ts";

Deno.test("tito: doctor() names the file and line of a syntax error and the package that causes the others to fail", async () => {
  await using f = await fixture();
  const add = await f.read("modules/adder/add.ts");
  await f.write("modules/adder/add.ts", add.replace("return a + b;", "return a + ;"));
  const report = await doctor(await f.project());
  const check = (name: string) => report.checks.find((c) => c.name === name)!;
  assert.deepEqual(check("@tinytorch/adder loads"), {
    name: "@tinytorch/adder loads",
    ok: false,
    detail: "SyntaxError: Expression expected at modules/adder/add.ts:10:14",
    fix:
      "Fix the error at modules/adder/add.ts:10:14; tito test --module adder shows it in context.",
  });
  for (const name of ["@tinytorch/scaler loads", "@tinytorch/datasets loads"]) {
    assert.match(check(name).detail, /^fails because @tinytorch\/adder does \(SyntaxError/);
    assert.equal(check(name).fix, "Fix @tinytorch/adder first (see above).", "only the cause");
  }
  assert.doesNotMatch(JSON.stringify(report), /TypeError: SyntaxError/);
  assert.equal(check(".tito/ writable").ok, true);
  assert.equal(check("progress file valid").detail, "none yet (nothing completed)");
  assert.equal(report.problems, report.checks.filter((c) => !c.ok).length);
  const out = capture();
  printDoctor(report, out);
  assert.match(
    out.stdout.join("\n"),
    /❌ @tinytorch\/adder loads — SyntaxError: Expression expected at modules\/adder\/add\.ts:10:14\n {3}fix: Fix the error at modules\/adder\/add\.ts:10:14; tito test --module adder shows it in context\./,
  );
  assert.equal(out.stdout.at(-1), `${report.problems} problem(s) found.`);
});
