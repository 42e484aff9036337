import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";
import type { TestReport } from "./test_runner.ts";

Deno.test("tito: an infinite loop is stopped: per case by test (5 s, the grader's limit, or --timeout; the other cases run), at --timeout by module complete and milestone run, and nothing is recorded", async () => {
  await using f = await fixture();
  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace("return a + b;", "while (a === a) a++;\n  return a;"),
  );

  const test = await f.tito(["test", "--module", "adder", "--timeout", "2", "--json"]);
  assert.equal(test.code, 1);
  const report: TestReport = JSON.parse(test.stdout);
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
  const text = await f.tito(["test", "--module", "adder", "--task", "1"]);
  assert.match(text.stdout, /❌\s+adder\.1 .*0\/2\s+did not finish/);
  assert.match(
    text.stdout,
    /✗ adder\.1 adds 1 and 2 \(modules\/adder\/cases\/add\.ts:5\)\n.*\n\s+did not finish in 5 s \(the limit per case, as in grading\)/,
  );

  const complete = await f.tito(["module", "complete", "adder", "--timeout", "2"]);
  assert.equal(complete.code, 1);
  assert.match(complete.stdout, /❌ the tests did not finish in 2 s: an infinite loop\?/);
  assert.match(complete.stdout, /❌\s+adder\.1 .*did not finish/);
  assert.match(complete.stdout, /Not recorded/);

  const run = await f.tito(["milestone", "run", "01", "--force", "--timeout", "2"]);
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /Milestone 01 did not finish in 2 s: an infinite loop\? tito stopped it/,
  );
  assert.match(run.stderr, /The last step it reported: "Your unit: Sequential/);
  assert.equal(await f.progress(), null, "nothing recorded");

  const bad = await f.tito(["test", "--module", "adder", "--timeout", "soon"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Cannot use --timeout soon: give a positive number of seconds/);
});
