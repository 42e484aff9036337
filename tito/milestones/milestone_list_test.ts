import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { milestoneInfo, printMilestoneInfo } from "./milestone_info.ts";
import { milestoneList, printMilestoneList } from "./milestone_list.ts";

const DONE = { completedAt: "2026-01-02T03:04:05.000Z", tasks: {} };
const RUN = { achievedAt: "2026-01-03T00:00:00.000Z", measurements: { accuracy: 1 } };

Deno.test("tito: milestoneList() and milestoneInfo() tell locked, forced, ready and achieved apart", async () => {
  await using f = await fixture();
  const project = await f.project();
  const progress = async (modules: object, milestones: object) => {
    await Deno.mkdir(`${f.root}/.tito`, { recursive: true });
    await f.write(".tito/progress.json", JSON.stringify({ schema: 1, modules, milestones }));
  };
  const list = async () => {
    const out = capture();
    printMilestoneList(await milestoneList(project), out);
    return out.stdout.join("\n");
  };
  const info = async () => {
    const out = capture();
    printMilestoneInfo(await milestoneInfo(project, "1"), out);
    return out.stdout.join("\n");
  };
  const [locked] = (await milestoneList(project)).milestones;
  assert.deepEqual([locked.id, locked.status, locked.needs], ["01", "locked", ["adder", "scaler"]]);
  assert.match(await list(), /01\s+Perceptron \(1957\)\s+adder, scaler\s+🔒 locked needs adder/);
  assert.match(await info(), /⬜ adder\n {2}⬜ scaler\n\nLocked until those modules are complete/);

  const forced = { ...RUN, forced: true, incompleteModules: ["adder", "scaler"] };
  await progress({}, { "01": forced });
  assert.match(await list(), /⚠️ {2}passed with --force; needs adder, scaler/);
  assert.doesNotMatch(await list(), /🏆/);
  const report = await milestoneInfo(project, "01");
  assert.deepEqual([report.status, report.forced], ["forced", true]);
  assert.match(await info(), /Passed with --force .* \(adder, scaler incomplete: not achieved\):/);

  await progress({ adder: DONE, scaler: DONE }, { "01": forced });
  assert.equal((await milestoneList(project)).milestones[0].status, "ready", "forced counts not");
  assert.match(await list(), /🎯 ready to run/);
  await progress({ adder: DONE, scaler: DONE }, { "01": RUN });
  assert.match(await list(), /🏆 achieved/);
  assert.match(
    await info(),
    /✅ adder\n {2}✅ scaler\n\n🏆 Achieved 2026-01-03T00:00:00\.000Z:\n {2}accuracy: 1/,
  );
  await assert.rejects(milestoneInfo(project, "42"), /Cannot find milestone "42"/);
});
