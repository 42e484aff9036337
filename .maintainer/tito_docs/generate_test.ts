import assert from "node:assert/strict";
import { generateTitoDocs, testsOf } from "./generate.ts";

Deno.test("maintainer: testsOf() finds the tests that run a command on the fixture course", async () => {
  const start = await testsOf(["module", "start"]);
  assert.ok(start.includes("tito/module/module_commands_test.ts"), start.join(", "));
  assert.ok(!start.some((t) => t.includes("testdata/")));
  assert.deepEqual(await testsOf(["no-such-command"]), []);
});

Deno.test("maintainer: generateTitoDocs() wants a region for every command and every session", async () => {
  const doc = "# tito\n\n<!-- tito-docs:begin help frobnicate (x) -->\n<!-- tito-docs:end -->\n";
  await assert.rejects(generateTitoDocs(doc), (error: Error) => {
    assert.match(error.message, /no command "frobnicate"/);
    assert.match(error.message, /the command "module start" has no help region/);
    assert.match(error.message, /the session "whole-session" has no region/);
    return true;
  });
});
