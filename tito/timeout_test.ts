import assert from "node:assert/strict";
import { fixture } from "./_fixture.ts";
import type { TestReport } from "./test_runner.ts";

Deno.test("tito: an infinite loop is stopped at --timeout by test, module complete and milestone run, and nothing is recorded", async () => {
  await using f = await fixture();
  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace("return a + b;", "while (a === a) a++;\n  return a;"),
  );

  const test = await f.tito(["test", "--module", "adder", "--timeout", "2", "--json"]);
  assert.equal(test.code, 1);
  const report: TestReport = JSON.parse(test.stdout);
  assert.deepEqual(report.timedOut, { seconds: 2, test: "adder.1 adds 1 and 2" });
  assert.equal(report.ok, false);
  assert.match(
    report.loadError!,
    /^did not finish in 2 s: an infinite loop\? tito stopped it; it was running "adder\.1 adds 1 and 2" \(modules\/adder\/cases_test\.ts\)$/,
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
