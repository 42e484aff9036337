import assert from "node:assert/strict";
import { stripVTControlCharacters } from "node:util";
import type { ModuleInfo } from "@tinytorch/course";
import { fixture } from "../_fixture.ts";
import { moduleStart } from "../module/module_start.ts";
import type { Project } from "../project.ts";
import { moduleTests } from "./module_tests.ts";
import { testReportLines } from "./test_report_view.ts";
import type { TestReport } from "./test_runner.ts";

/** What `tito test` prints for a report, without colour. */
function text(project: Project, report: TestReport, all = false): string {
  const module = project.modules.find((m) => m.name === report.module)!;
  return stripVTControlCharacters(testReportLines(report, module, { all }).join("\n"));
}

Deno.test("tito: moduleTests() reports each failing case where it is defined, the first per task or all, and one task alone", async () => {
  await using f = await fixture();
  const project = await f.project();
  await f.write(
    "modules/adder/add.ts",
    (await f.read("modules/adder/add.ts")).replace("return a + b", "return a - b"),
  );
  const started: ModuleInfo[] = [];
  const wrong = await moduleTests(project, { module: "01", onStart: (m) => started.push(m) });
  assert.deepEqual(started.map((m) => m.name), ["adder"]);
  assert.equal(wrong.ok, false);
  assert.deepEqual(wrong.tasks.map((t) => [t.id, t.status, t.passed, t.failed]), [
    ["adder.1", "failed", 0, 2],
    ["adder.2", "passed", 1, 0],
  ]);
  const [first] = wrong.tasks[0].cases;
  assert.match(first.message!, /got -1, want 3/);
  assert.equal(first.location, "modules/adder/cases/add.ts:5");
  assert.equal(first.run, "run: ({ add }) => add(1, 2)");
  const shown = text(project, wrong);
  assert.match(shown, /❌\s+adder\.1\s+Add two numbers\s+60 pts\s+0\/2\s+wrong answer/);
  assert.match(
    shown,
    /✗ adder\.1 adds 1 and 2 \(modules\/adder\/cases\/add\.ts:5\)\n\s+run: \(\{ add \}\) => add\(1, 2\)\n\s+got -1, want 3\n/,
  );
  assert.match(shown, /…and 1 more failing case: tito test --module adder --all\n/);
  assert.doesNotMatch(shown, /adds a negative number/, "only the first failure");
  assert.match(shown, /double\(x\) equals add\(x, x\) \(tests\/adder_double_add_test\.ts:3\)/);
  const all = text(project, wrong, true);
  assert.match(
    all,
    /got -1, want 3\n\s+✗ adder\.1 adds a negative number \(modules\/adder\/cases\/add\.ts:6\)\n\s+run: \(\{ add \}\) => add\(-5, 2\)\n\s+got -7, want -3\n/,
  );
  assert.doesNotMatch(all, /more failing case/);

  const one = await moduleTests(project, { module: "adder", task: "2" });
  assert.equal(one.ok, true, "only adder.2 ran, and it passes");
  assert.equal(one.task, "adder.2");
  assert.deepEqual(one.tasks.map((t) => t.id), ["adder.2"]);
  assert.deepEqual(one.files, ["modules/adder/cases_test.ts"], "no cross-module tests");
  await assert.rejects(
    moduleTests(project, { module: "adder", task: "adder.9" }),
    (e: Error & { hint: string }) => /Its tasks are adder\.1, adder\.2/.test(e.hint),
  );
  await assert.rejects(
    moduleTests(project, {}),
    (e: Error & { hint: string }) => /01 adder/.test(e.hint),
  );
});

Deno.test("tito: moduleTests() reports stubs per task, and referenceDeps swaps in the prerequisites' references", async () => {
  await using f = await fixture();
  const project = await f.project();
  await moduleStart(project, "adder");
  const stub = await moduleTests(project, { module: "adder" });
  assert.deepEqual(stub.tasks.map((t) => t.status), ["not-implemented", "not-implemented"]);
  assert.match(text(project, stub), /❌\s+adder\.1 .*0\/2\s+not implemented/);
  const blocked = await moduleTests(project, { module: "scaler" });
  assert.equal(blocked.ok, false);
  assert.match(text(project, blocked), /scaler\.1 .* not implemented: needs adder\.1/);
  assert.match(text(project, blocked), /--reference-deps runs on reference prerequisites/);
  const swapped = await moduleTests(project, { module: "scaler", referenceDeps: true });
  assert.equal(swapped.ok, true);
  assert.deepEqual(swapped.referenceDeps, { used: ["adder"], missing: [] });
  assert.match(text(project, swapped), /prerequisites as reference code: adder/);
  assert.match(await f.read("modules/adder/add.ts"), /NotImplementedError/, "project untouched");

  await Deno.remove(`${f.root}/.tito/reference/adder`, { recursive: true });
  const missing = await moduleTests(project, { module: "scaler", referenceDeps: true });
  assert.equal(missing.ok, false);
  assert.deepEqual(missing.referenceDeps, { used: [], missing: ["adder"] });
  assert.match(text(project, missing), /no reference copy of adder: your own version was used/);
});

Deno.test("tito: moduleTests() reports type errors and fails nothing for them; a syntax error is said once, with its file:line", async () => {
  await using f = await fixture();
  const project = await f.project();
  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace("return a + b;", "return (a + b) as unknown as string;"),
  );
  const typed = await moduleTests(project, { module: "adder" });
  assert.equal(typed.ok, true, "type errors are not graded");
  assert.equal(typed.typeCheck.ok, false);
  const shown = text(project, typed);
  assert.match(shown, /type check: deno check reports errors \(not graded; the cases ran\)/);
  assert.match(shown, /TS2322 \[ERROR\]: Type 'string' is not assignable to type 'number'/);
  assert.match(
    shown,
    /✅ 2\/2 tasks pass, 3\/3 cases, 1\/1 cross-module tests, type errors \(not graded\)/,
  );

  await f.write("modules/adder/add.ts", add.replace("return a + b;", "return a + b +;"));
  const broken = await moduleTests(project, { module: "adder" });
  assert.equal(broken.ok, false);
  const said = text(project, broken);
  assert.match(
    said,
    /❌ the tests could not run: modules\/adder\/add\.ts:10:17: SyntaxError: Expression expected\n.*\n\s+10 \| {3}return a \+ b \+;/,
  );
  assert.equal(said.match(/Expression expected/g)?.length, 1, said);
  assert.doesNotMatch(said, /type check/);
  assert.match(said, /❌ 0\/2 tasks pass, 0\/0 cases, tests did not run$/m);
});
