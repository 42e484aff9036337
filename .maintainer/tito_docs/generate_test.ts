import assert from "node:assert/strict";
import { testsOf } from "./generate.ts";

Deno.test("maintainer: testsOf() finds the tests that run a command on the fixture course", async () => {
  const start = await testsOf(["module", "start"]);
  assert.ok(start.includes("tito/module/module_commands_test.ts"), start.join(", "));
  assert.ok(!start.some((t) => t.includes("testdata/")));
  assert.deepEqual(await testsOf(["no-such-command"]), []);
});
