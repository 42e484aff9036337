import assert from "node:assert/strict";
import { fixture } from "./_fixture.ts";

Deno.test("tito: a locked milestone is refused; once its modules are complete it runs and is recorded", async () => {
  await using f = await fixture();
  const locked = await f.tito(["milestone", "run", "01"]);
  assert.equal(locked.code, 1);
  assert.match(locked.stderr, /Milestone 01 Perceptron is locked: complete adder, scaler first/);
  assert.equal(await f.progress(), null);
  const unknown = await f.tito(["milestone", "info", "42"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /01 Perceptron \(1957\)/);

  assert.equal((await f.tito(["module", "complete", "adder"])).code, 0);
  const unlocked = await f.tito(["module", "complete", "scaler"]);
  assert.equal(unlocked.code, 0, unlocked.stdout);
  assert.match(unlocked.stdout, /Unlocked milestone 01 Perceptron \(1957\): tito milestone run 01/);
  assert.match((await f.tito(["milestone", "list"])).stdout, /🎯 ready to run/);

  const run = await f.tito(["milestone", "run", "1"]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✅\s+training accuracy\s+100\.0% \(200\/200\)\s+≥ 100\.0%/);
  const progress = await f.progress();
  const achieved = progress!.milestones["01"] as { measurements: Record<string, number> };
  assert.equal(achieved.measurements.accuracy, 1);
  assert.ok(achieved.measurements.epochs >= 1);
  assert.match((await f.tito(["milestone", "info", "01"])).stdout, /🏆 Achieved/);
});
