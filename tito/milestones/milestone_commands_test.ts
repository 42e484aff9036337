// End to end: the milestone commands as a learner runs them (a subprocess): exit codes, the run's
// lines on stdout, what is recorded. Their work is tested in-process beside each command.
import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

const DONE = { completedAt: "2026-01-02T03:04:05.000Z", tasks: {} };

Deno.test("tito: a locked milestone exits 1; once its modules are complete it runs, prints its checks and is recorded", async () => {
  await using f = await fixture();
  const locked = await f.tito(["milestone", "run", "01"]);
  assert.equal(locked.code, 1);
  assert.match(locked.stderr, /Milestone 01 Perceptron is locked: complete adder, scaler first/);
  const unknown = await f.tito(["milestone", "info", "42"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /01 Perceptron \(1957\)/);

  await Deno.mkdir(`${f.root}/.tito`);
  await f.write(
    ".tito/progress.json",
    JSON.stringify({ schema: 1, modules: { adder: DONE, scaler: DONE }, milestones: {} }),
  );
  assert.match((await f.tito(["milestone", "list"])).stdout, /🎯 ready to run/);
  const run = await f.tito(["milestone", "run", "1"]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^🏁 Milestone 01: Perceptron \(1957\)\n/);
  assert.match(run.stdout, /\n {3}200 points in the plane/, "the run's lines, indented");
  assert.match(run.stdout, /✅\s+training accuracy\s+100\.0% \(200\/200\)\s+≥ 100\.0%/);
  assert.match(run.stdout, /🏆 Milestone 01 achieved/);
  const achieved = (await f.progress())!.milestones["01"] as {
    forced?: boolean;
    measurements: Record<string, number>;
  };
  assert.equal(achieved.forced, undefined);
  assert.equal(achieved.measurements.accuracy, 1);
  assert.ok(achieved.measurements.epochs >= 1);
});
