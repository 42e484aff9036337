import assert from "node:assert/strict";
import { fixture } from "./_fixture.ts";

Deno.test("tito: with --json, errors are JSON on standard output", async () => {
  await using f = await fixture();
  const unknown = await f.tito(["test", "--module", "99", "--json"]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, "");
  const error = JSON.parse(unknown.stdout);
  assert.equal(error.error, 'Cannot find module "99" in the course');
  assert.match(error.hint, /01 adder/);
  const usage = await f.tito(["test", "--json", "--bogus"]);
  assert.equal(usage.code, 2);
  assert.deepEqual(JSON.parse(usage.stdout), { error: "unknown option '--bogus'" });
  const timeout = await f.tito(["test", "--module", "adder", "--timeout", "0", "--json"]);
  assert.equal(timeout.code, 2);
  assert.match(JSON.parse(timeout.stdout).error, /Cannot use --timeout 0/);
});

Deno.test("tito: profile refuses a module it has nothing to profile for", async () => {
  await using f = await fixture();
  const r = await f.tito(["profile", "--module", "adder"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Cannot profile --module adder: tito profile runs your profiling module/);
  assert.match(r.stderr, /Use --module profiling \(the default\) or --module quantization/);
});
