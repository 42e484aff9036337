import assert from "node:assert/strict";
import { stripVTControlCharacters } from "node:util";
import { capture, fixture } from "../_fixture.ts";
import { milestoneRun } from "../milestones/milestone_run.ts";
import { moduleComplete, printModuleComplete } from "../module/module_complete.ts";
import { timeoutSeconds } from "../tito_error.ts";
import { moduleTests } from "./module_tests.ts";
import { testReportLines } from "./test_report_view.ts";

Deno.test("tito: an infinite loop is stopped: per case by test (5 s, the grader's limit, or a shorter one; the other cases run), at the time limit by module complete and milestone run, and nothing is recorded", async () => {
  await using f = await fixture();
  const project = await f.project();
  const adder = project.modules[0];
  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace("return a + b;", "while (a === a) a++;\n  return a;"),
  );

  const report = await moduleTests(project, { module: "adder", caseTimeoutSeconds: 2 });
  assert.equal(report.timedOut, null, "a case past its limit does not stop the run");
  assert.equal(report.loadError, null);
  assert.equal(report.ok, false);
  assert.deepEqual(report.tasks.map((t) => [t.id, t.status, t.passed, t.failed]), [
    ["adder.1", "failed", 0, 2],
    ["adder.2", "passed", 1, 0],
  ]);
  assert.deepEqual(report.tasks[0].cases.map((c) => [c.name, c.timedOut]), [
    ["adder.1 adds 1 and 2", true],
    ["adder.1 adds a negative number", true],
  ]);
  assert.match(
    report.tasks[0].cases[0].message!,
    /^did not finish in 2 s \(--timeout; grading allows 5 s\): an infinite loop, or too slow\? tito stopped it and ran the other cases$/,
  );
  assert.deepEqual(report.crossModule.map((c) => [c.status, c.timedOut]), [["failed", true]]);
  const one = await moduleTests(project, { module: "adder", task: "1" });
  const text = stripVTControlCharacters(testReportLines(one, adder).join("\n"));
  assert.match(text, /❌\s+adder\.1 .*0\/2\s+did not finish/);
  assert.match(
    text,
    /✗ adder\.1 adds 1 and 2 \(modules\/adder\/cases\/add\.ts:5\)\n.*\n\s+did not finish in 5 s \(the limit per case, as in grading\)/,
  );

  const complete = await moduleComplete(project, "adder", { timeoutSeconds: 2 });
  assert.equal(complete.recorded, "no");
  const out = capture();
  printModuleComplete(complete, out);
  assert.match(out.stdout.join("\n"), /❌ the tests did not finish in 2 s: an infinite loop\?/);
  assert.match(out.stdout.join("\n"), /❌\s+adder\.1 .*did not finish/);

  await assert.rejects(
    milestoneRun(project, "01", { force: true, timeoutSeconds: 2 }),
    /Milestone 01 did not finish in 2 s: an infinite loop\? tito stopped it.* The last step it reported: "Your unit: Sequential/,
  );
  assert.equal(await f.progress(), null, "nothing recorded");
  assert.throws(() => timeoutSeconds("soon", 5), {
    message: "Cannot use --timeout soon: give a positive number of seconds",
    exitCode: 2,
  });
});
