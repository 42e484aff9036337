import assert from "node:assert/strict";
import type { MilestoneInfo } from "@tinytorch/course";
import { capture, fixture } from "../_fixture.ts";
import { milestoneRun, printMilestoneRun, printMilestoneRunStart } from "./milestone_run.ts";

Deno.test("tito: milestoneRun() refuses a locked milestone; with force a pass is recorded as forced, never as achieved", async () => {
  await using f = await fixture();
  const project = await f.project();
  await assert.rejects(milestoneRun(project, "01"), (e: Error & { hint: string }) => {
    assert.equal(e.message, "Milestone 01 Perceptron is locked: complete adder, scaler first");
    assert.match(e.hint, /module complete adder.*milestone run 01 --force/);
    return true;
  });
  assert.equal(await f.progress(), null);

  const started: [MilestoneInfo, readonly string[]][] = [];
  const lines: string[] = [];
  const report = await milestoneRun(project, "01", {
    force: true,
    onStart: (m, missing) => started.push([m, missing]),
    log: (line) => lines.push(line),
  });
  assert.deepEqual(started.map(([m, missing]) => [m.id, missing]), [["01", ["adder", "scaler"]]]);
  assert.ok(lines.some((l) => l.startsWith("200 points in the plane")), lines.join("\n"));
  assert.equal(report.recorded, "forced");
  assert.equal(report.outcome.passed, true);
  assert.equal(report.next, null);
  const record = (await f.progress())!.milestones["01"] as Record<string, unknown>;
  assert.equal(record.forced, true);
  assert.deepEqual(record.incompleteModules, ["adder", "scaler"]);

  const out = capture();
  printMilestoneRunStart(report.milestone, report.missing, out);
  printMilestoneRun(report, out);
  assert.deepEqual(out.stderr, ["Running anyway (--force): adder, scaler not complete."]);
  const text = out.stdout.join("\n");
  assert.match(text, /Milestone 01 passed, forced: recorded as a forced run/);
  assert.doesNotMatch(text, /🏆 Milestone/);
});
