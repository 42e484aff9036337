import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { moduleComplete } from "../module/module_complete.ts";
import { printProgressStatus, progressStatus } from "./progress_status.ts";

const DONE = { completedAt: "2026-01-02T03:04:05.000Z", tasks: {} };

Deno.test("tito: progressStatus() shows done, ready and locked modules, the milestones and the next step", async () => {
  await using f = await fixture();
  const project = await f.project();
  await Deno.mkdir(`${f.root}/.tito`);
  await f.write(
    ".tito/progress.json",
    JSON.stringify({ schema: 1, modules: { adder: DONE }, milestones: {} }),
  );
  const report = await progressStatus(project);
  assert.deepEqual(report.modules.map((m) => [m.name, m.status, m.completedAt, m.needs]), [
    ["adder", "done", DONE.completedAt, []],
    ["scaler", "ready", null, []],
  ]);
  assert.deepEqual(report.milestones.map((m) => [m.id, m.status, m.needs]), [
    ["01", "locked", ["scaler"]],
  ]);
  assert.equal(report.next, "tito module start 02");
  const out = capture();
  printProgressStatus(report, out);
  const text = out.stdout.join("\n");
  assert.match(text, /01\s+adder\s+✅ done\s+completed 2026-01-02\n/);
  assert.match(text, /02\s+scaler\s+⏳ ready/);
  assert.match(text, /1\/2 modules complete/);
  assert.match(text, /🔒 01 Perceptron \(1957\) needs scaler/);

  const forced = { ...DONE, forced: true };
  const run = { achievedAt: DONE.completedAt, measurements: {}, forced: true };
  await f.write(
    ".tito/progress.json",
    JSON.stringify({ schema: 1, modules: { adder: forced }, milestones: { "01": run } }),
  );
  const again = await progressStatus(project);
  assert.deepEqual(again.modules.map((m) => [m.status, m.forced, m.needs]), [
    ["done", true, []],
    ["locked", false, ["adder"]],
  ]);
  assert.deepEqual(again.milestones.map((m) => [m.status, m.needs]), [
    ["forced", ["adder", "scaler"]],
  ]);
  const shown = capture();
  printProgressStatus(again, shown);
  assert.match(shown.stdout.join("\n"), /\(forced: the course's reference\)/);
  assert.match(shown.stdout.join("\n"), /⚠️ {2}01 Perceptron \(1957\) passed with --force/);
});

Deno.test("tito: a corrupted progress file is moved aside and reported, never reset", async () => {
  await using f = await fixture();
  const project = await f.project();
  await Deno.mkdir(`${f.root}/.tito`);
  const corrupt = '{"schema": 1, "modules": {"adder": {"completedAt": "2026-01-01T00:00:00Z", "tas';
  await f.write(".tito/progress.json", corrupt);
  const error = await progressStatus(project).catch((e) => e);
  assert.equal(error.exitCode, 1);
  assert.match(error.message, /^Cannot read \.tito\/progress\.json: it is not valid JSON/);
  const aside = (await Array.fromAsync(Deno.readDir(`${f.root}/.tito`)))
    .map((e) => e.name).filter((n) => n.startsWith("progress.json.corrupt-"));
  assert.equal(aside.length, 1);
  assert.match(error.message, new RegExp(`moved to \\.tito/${aside[0]}, so nothing is lost`));
  assert.equal(await f.read(`.tito/${aside[0]}`), corrupt, "the old record is kept byte for byte");
  assert.equal(await f.progress(), null);
  await progressStatus(project); // the next command starts a new record

  const newer = '{"schema": 7, "modules": {}, "milestones": {}}';
  await f.write(".tito/progress.json", newer);
  await assert.rejects(moduleComplete(project, "adder"), /schema 7, written by a newer tito/);
  assert.equal(await f.read(".tito/progress.json"), newer);
});
