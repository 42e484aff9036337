// End to end: tito run as a learner runs it (a subprocess), for what only the command line does:
// exit codes, standard output and error, and commander's parsing. The commands' work is tested
// in-process beside each command.
import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

Deno.test("tito: module list shows the course; an unknown module lists the valid ones (exit 1); a wrong command line exits 2", async () => {
  await using f = await fixture();
  const list = await f.tito(["module", "list"]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /01\s+adder\s+Adder: sums and doubles\s+2\s+100/);
  assert.match(list.stdout, /02\s+scaler\s+Scaler: scaled sums\s+1\s+100\s+adder/);
  const unknown = await f.tito(["module", "start", "99"]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stdout, "");
  assert.match(unknown.stderr, /❌ Cannot find module "99"/);
  assert.match(unknown.stderr, /01 adder\s+Adder/);
  assert.match(unknown.stderr, /02 scaler\s+Scaler/);
  const bad = await f.tito(["module", "frobnicate"]);
  assert.equal(bad.code, 2, "a wrong command line exits with 2");
  assert.match(bad.stderr, /unknown command 'frobnicate'\n\(add --help for usage\)/);
});

Deno.test("tito: module start, complete and status print to stdout, warn on stderr, and complete exits 1 when a case fails", async () => {
  await using f = await fixture();
  const start = await f.tito(["module", "start", "scaler"]);
  assert.equal(start.code, 0, start.stderr);
  assert.match(start.stdout, /^🚀 02 scaler: Scaler: scaled sums\n/);
  assert.match(start.stdout, /💡 Next: tito test --module scaler\n$/, "spelled as the launcher");
  assert.match(start.stderr, /^⚠️ {2}scaler builds on adder, not complete yet\. You can start/);
  const complete = await f.tito(["module", "complete", "scaler"]);
  assert.equal(complete.code, 1);
  assert.match(complete.stdout, /Not recorded: 02 scaler is complete when every case passes\./);
  assert.match(complete.stderr, /scaler builds on adder, not complete yet; the tests decide\./);
  assert.equal(await f.progress(), null);
  const status = await f.tito(["module", "status"]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /02\s+scaler\s+🔨 in progress\s+0 of 1 tasks written/);
});

Deno.test("tito: a syntax error in a module leaves module status working (tito loads no learner code)", async () => {
  await using f = await fixture();
  await f.write("modules/scaler/scale.ts", "export function sumScaled(: {\n");
  const status = await f.tito(["module", "status"]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /Your TinyTorch/);
});
