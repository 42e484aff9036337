import assert from "node:assert/strict";
import type { ModuleInfo } from "@tinytorch/course";
import { capture, fixture } from "../_fixture.ts";
import { progressStatus } from "../progress/progress_status.ts";
import { moduleStart } from "./module_start.ts";
import { moduleStatus, printModuleStatus } from "./module_status.ts";

Deno.test("tito: moduleStatus() reports each task with its points; the next step is one that can succeed", async () => {
  await using f = await fixture();
  const project = await f.project();
  await moduleStart(project, "01");
  const started: ModuleInfo[] = [];
  const stub = await moduleStatus(project, "01", { onStart: (m) => started.push(m) });
  assert.deepEqual(started.map((m) => m.name), ["adder"], "told before the cases run");
  assert.deepEqual(stub.tests.tasks.map((t) => [t.id, t.status, t.points]), [
    ["adder.1", "not-implemented", 60],
    ["adder.2", "not-implemented", 40],
  ]);
  assert.deepEqual([stub.earned, stub.total], [0, 100]);
  assert.equal(stub.next, "tito test --module 01 --task 1");
  const out = capture();
  printModuleStatus(stub, out);
  assert.match(out.stdout.join("\n"), /adder\.1\s+Add two numbers\s+🧱 stub\s+60 pts/);

  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace(
      /\/\/ TODO\(adder\.1\)[^\n]*\n\s*throw new NotImplementedError\("adder\.1"\);/,
      "return a + b;",
    ),
  );
  const half = await moduleStatus(project, "adder");
  assert.deepEqual(half.tests.tasks.map((t) => t.status), ["passed", "not-implemented"]);
  assert.deepEqual([half.earned, half.next], [60, "tito test --module 01 --task 2"]);
  const all = await progressStatus(project);
  assert.deepEqual(all.modules.map((m) => [m.name, m.status, m.tasksWritten]), [
    ["adder", "in progress", 1],
    ["scaler", "locked", null],
  ]);
  assert.equal(all.next, "tito test --module 01 --task 2", "not complete: it would fail");
  await assert.rejects(
    moduleStatus(project, "adde"),
    /Cannot find module "adde" in the course\. Did you mean "adder"\?/,
  );
});
