import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { moduleList, printModuleList } from "./module_list.ts";

Deno.test("tito: moduleList() lists the modules with their points, and with tasks every task", async () => {
  await using f = await fixture();
  const report = await moduleList(await f.project(), { tasks: true });
  assert.deepEqual(
    report.modules.map((m) => [m.name, m.numbers, m.tasks.length, m.points, m.prerequisites]),
    [["adder", [1], 2, 100, []], ["scaler", [2], 1, 100, ["adder"]]],
  );
  const out = capture();
  printModuleList(report, out);
  assert.deepEqual(out.stdout.slice(0, 4), [
    "#   module  title                    tasks  points  builds on",
    "──  ──────  ───────────────────────  ─────  ──────  ─────────",
    "01  adder   Adder: sums and doubles      2     100  —",
    "02  scaler  Scaler: scaled sums          1     100  adder",
  ]);
  assert.ok(out.stdout.includes("  scaler.1         Sum of scaled numbers (100 pts)"));
  const short = capture();
  printModuleList(await moduleList(await f.project()), short);
  assert.ok(!short.stdout.some((l) => l.includes("pts")), "tasks only with --tasks");
});
