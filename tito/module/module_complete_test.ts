import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { milestoneRun } from "../milestones/milestone_run.ts";
import { moduleComplete, printModuleComplete } from "./module_complete.ts";
import { moduleReset } from "./module_reset.ts";
import { moduleStart } from "./module_start.ts";

Deno.test("tito: moduleComplete() records nothing when a case fails, refuses the reference that reset --solution restored, and records the learner's own code", async () => {
  await using f = await fixture();
  const project = await f.project();
  await moduleStart(project, "1");
  const failing = await moduleComplete(project, "adder");
  assert.equal(failing.recorded, "no");
  assert.equal(failing.tests.ok, false);
  assert.equal(failing.next, "tito module complete adder", "the retry repeats the module as typed");
  const out = capture();
  printModuleComplete(failing, out);
  assert.ok(out.stdout.includes("Not recorded: 01 adder is complete when every case passes."));
  assert.equal(await f.progress(), null, "a failing complete writes no progress");

  const reset = await moduleReset(project, "adder", { solution: true });
  assert.deepEqual([reset.solution, reset.regions], [true, null]);
  assert.equal(await f.read("modules/adder/add.ts"), await f.read(".tito/reference/adder/add.ts"));
  assert.equal((await Array.fromAsync(Deno.readDir(`${f.root}/.tito/backups`))).length, 2);
  const refused = await moduleComplete(project, "01").catch((e) => e);
  assert.match(refused.message, /modules\/adder is the course's reference solution/);
  assert.match(refused.hint, /module reset 01 brings back the stubs/);
  assert.equal(await f.progress(), null);

  await f.write("modules/adder/add.ts", (await f.read("modules/adder/add.ts")) + "// mine\n");
  const done = await moduleComplete(project, "01");
  assert.equal(done.recorded, "complete");
  assert.deepEqual(done.unlocked, []);
  assert.equal(done.next, "tito module start 02");
  const shown = capture();
  printModuleComplete(done, shown);
  assert.match(shown.stdout.join("\n"), /🎉 01 adder complete: recorded in \.tito\/progress\.json/);
  const progress = await f.progress();
  assert.equal(progress!.schema, 1);
  assert.deepEqual((progress!.modules.adder as { tasks: unknown }).tasks, {
    "adder.1": "passed",
    "adder.2": "passed",
  });
});

Deno.test("tito: moduleComplete() refuses the course's reference before start; force records it as forced and unlocks nothing", async () => {
  await using f = await fixture();
  const project = await f.project();
  await assert.rejects(moduleComplete(project, "1"), (e: Error & { hint: string }) => {
    assert.equal(
      e.message,
      "Cannot complete 01 adder: modules/adder is the course's reference solution (it matches " +
        "tito/reference_manifest.json file for file), not your work. Nothing was recorded",
    );
    assert.match(e.hint, /^Start the module first: .*module start 01/);
    return true;
  });
  assert.equal(await f.progress(), null);

  const warnings: string[] = [];
  const forced = await moduleComplete(project, "scaler", {
    force: true,
    onWarning: (w) => warnings.push(w),
  });
  assert.deepEqual(warnings, ["scaler builds on adder, not complete yet; the tests decide."]);
  assert.deepEqual([forced.recorded, forced.unlocked, forced.next], ["forced", [], null]);
  const out = capture();
  printModuleComplete(forced, out);
  assert.match(out.stdout.at(-1)!, /^Recorded 02 scaler as forced: the folder is the course's/);
  const progress = (await f.progress())!;
  assert.equal((progress.modules as Record<string, { forced?: boolean }>).scaler.forced, true);
  (progress.modules as Record<string, unknown>).adder = { ...progress.modules.scaler as object };
  await f.write(".tito/progress.json", JSON.stringify(progress));
  await assert.rejects(
    milestoneRun(project, "01"),
    /^TitoError: Milestone 01 Perceptron is locked: complete adder, scaler first$/,
    "a forced reference counts for no milestone",
  );
});

Deno.test("tito: moduleComplete() names the milestones a completion unlocks", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/.tito`);
  const adder = { completedAt: "2026-01-02T03:04:05.000Z", tasks: {} };
  await f.write(
    ".tito/progress.json",
    JSON.stringify({ schema: 1, modules: { adder }, milestones: {} }),
  );
  await f.write("modules/scaler/scale.ts", (await f.read("modules/scaler/scale.ts")) + "// mine\n");
  const report = await moduleComplete(await f.project(), "scaler");
  assert.equal(report.recorded, "complete");
  assert.deepEqual(report.unlocked.map((m) => m.id), ["01"]);
  assert.equal(report.next, "tito milestone run 01");
  const out = capture();
  printModuleComplete(report, out);
  assert.ok(out.stdout.some((l) => /^🔓 Unlocked milestone 01 Perceptron \(1957\): /.test(l)));
});
