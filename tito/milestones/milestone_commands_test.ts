import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

Deno.test("tito: a locked milestone is refused; a forced pass is marked forced; once its modules are complete it runs and is recorded", async () => {
  await using f = await fixture();
  const locked = await f.tito(["milestone", "run", "01"]);
  assert.equal(locked.code, 1);
  assert.match(locked.stderr, /Milestone 01 Perceptron is locked: complete adder, scaler first/);
  assert.equal(await f.progress(), null);
  const unknown = await f.tito(["milestone", "info", "42"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /01 Perceptron \(1957\)/);

  const forced = await f.tito(["milestone", "run", "01", "--force"]);
  assert.equal(forced.code, 0, forced.stdout + forced.stderr);
  assert.match(forced.stdout, /Milestone 01 passed, forced: recorded as a forced run/);
  assert.doesNotMatch(forced.stdout, /🏆 Milestone/);
  const record = (await f.progress())!.milestones["01"] as Record<string, unknown>;
  assert.equal(record.forced, true);
  assert.deepEqual(record.incompleteModules, ["adder", "scaler"]);
  const list = await f.tito(["milestone", "list"]);
  assert.match(list.stdout, /⚠️ {2}passed with --force; needs adder, scaler/);
  assert.doesNotMatch(list.stdout, /🏆/);
  assert.match((await f.tito(["module", "status"])).stdout, /⚠️ {2}01 Perceptron \(1957\) passed/);
  assert.match(
    (await f.tito(["milestone", "info", "1"])).stdout,
    /Passed with --force .*not achieved/,
  );

  // The learner's own code: the reference with a comment, so it is not the course's file.
  for (const file of ["modules/adder/add.ts", "modules/scaler/scale.ts"]) {
    await f.write(file, (await f.read(file)) + "// mine\n");
  }
  assert.equal((await f.tito(["module", "complete", "adder"])).code, 0);
  const unlocked = await f.tito(["module", "complete", "scaler"]);
  assert.equal(unlocked.code, 0, unlocked.stdout);
  assert.match(unlocked.stdout, /Unlocked milestone 01 Perceptron \(1957\): tito milestone run 01/);
  assert.match((await f.tito(["milestone", "list"])).stdout, /🎯 ready to run/);

  const run = await f.tito(["milestone", "run", "1"]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✅\s+training accuracy\s+100\.0% \(200\/200\)\s+≥ 100\.0%/);
  assert.match(run.stdout, /🏆 Milestone 01 achieved/);
  const achieved = (await f.progress())!.milestones["01"] as {
    forced?: boolean;
    measurements: Record<string, number>;
  };
  assert.equal(achieved.forced, undefined);
  assert.equal(achieved.measurements.accuracy, 1);
  assert.ok(achieved.measurements.epochs >= 1);
  assert.match((await f.tito(["milestone", "info", "01"])).stdout, /🏆 Achieved/);
  assert.match((await f.tito(["milestone", "list"])).stdout, /🏆 achieved/);
});
