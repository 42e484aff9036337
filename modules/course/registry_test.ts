import assert from "node:assert/strict";
import { findModule, findTask, MODULES, withPrerequisites } from "./registry.ts";

Deno.test("course: findModule() resolves names and every spelling of a number", () => {
  assert.equal(findModule("tensor").name, "tensor");
  assert.equal(findModule("01").name, "tensor");
  assert.equal(findModule(1).name, "tensor");
  assert.equal(findModule("02").name, "layers");
  assert.equal(findModule(" 3 ").name, "layers");
  assert.throws(() => findModule("99"), /Cannot find module "99": valid modules are 01 tensor/);
});

Deno.test("course: the registry is consistent", () => {
  const ids = MODULES.flatMap((m) => m.tasks.map((t) => t.id));
  assert.equal(new Set(ids).size, ids.length, "task ids are unique");
  for (const m of MODULES) {
    assert.equal(m.package, `@tinytorch/${m.name}`);
    for (const t of m.tasks) {
      assert.ok(t.id.startsWith(`${m.name}.`), t.id);
      assert.ok(t.points > 0);
    }
    for (const p of m.prerequisites) assert.ok(MODULES.indexOf(findModule(p)) < MODULES.indexOf(m));
  }
});

Deno.test("course: findTask() and withPrerequisites()", () => {
  assert.equal(findTask("layers.1").module.name, "layers");
  assert.throws(() => findTask("layers.99"), RangeError);
  assert.deepEqual(withPrerequisites("layers"), ["tensor", "layers"]);
});
