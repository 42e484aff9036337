// End to end: `tito test` as a learner runs it (a subprocess): exit codes, --json on stdout,
// --watch. What the tests report is tested in-process in module_tests_test.ts.
import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";
import type { TestReport } from "./test_runner.ts";

Deno.test("tito: test exits 0 only when everything passes, and --json prints the report in its documented shape", async () => {
  await using f = await fixture();
  const ok = await f.tito(["test", "--module", "adder", "--json"]);
  assert.equal(ok.code, 0, ok.stderr);
  const report: TestReport = JSON.parse(ok.stdout);
  assert.deepEqual(Object.keys(report).sort(), [
    "crossModule",
    "files",
    "loadError",
    "module",
    "numbers",
    "ok",
    "referenceDeps",
    "task",
    "tasks",
    "timedOut",
    "typeCheck",
  ]);
  assert.equal(report.timedOut, null);
  assert.equal(report.ok, true);
  assert.deepEqual(report.files, ["modules/adder/cases_test.ts", "tests/adder_double_add_test.ts"]);
  assert.deepEqual(report.tasks.map((t) => [t.id, t.status, t.passed, t.failed]), [
    ["adder.1", "passed", 2, 0],
    ["adder.2", "passed", 1, 0],
  ]);
  assert.deepEqual(report.crossModule.map((c) => [c.file, c.status]), [
    ["tests/adder_double_add_test.ts", "passed"],
  ]);

  await f.write(
    "modules/adder/add.ts",
    (await f.read("modules/adder/add.ts")).replace("return a + b", "return a - b"),
  );
  const wrong = await f.tito(["test", "--module", "01"]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stdout, /^Running the tests of adder…\n/);
  assert.match(wrong.stdout, /❌\s+adder\.1\s+Add two numbers\s+60 pts\s+0\/2\s+wrong answer/);
  const noTask = await f.tito(["test", "--module", "adder", "--task", "adder.9"]);
  assert.equal(noTask.code, 1);
  assert.match(noTask.stderr, /Cannot find task "adder\.9" in adder\n {3}Its tasks are adder\.1/);
});

Deno.test("tito: test --watch runs again when a file is saved", async () => {
  await using f = await fixture();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("../main.ts", import.meta.url).pathname,
      "test",
      "-m",
      "adder",
      "-w",
    ],
    cwd: f.root,
    env: { NO_COLOR: "1", TITO_CWD: f.root },
    stdin: "null",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  const until = async (count: number) => {
    while ((out.match(/👀 Watching/g) ?? []).length < count) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`tito ended:\n${out}`);
      out += value;
    }
  };
  try {
    await until(1);
    assert.match(out, /✅ 2\/2 tasks pass/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the watcher start
    const add = await f.read("modules/adder/add.ts");
    await f.write("modules/adder/add.ts", add.replace("return a + b", "return a - b"));
    await until(2);
    const second = out.slice(out.indexOf("👀 Watching"));
    assert.match(second, /saved: modules\/adder\/add\.ts/);
    assert.match(second, /✗ adder\.1 adds 1 and 2 \(modules\/adder\/cases\/add\.ts:5\)/);
  } finally {
    child.kill("SIGTERM");
    await reader.cancel().catch(() => {});
    await child.status;
  }
  const both = await f.tito(["test", "-m", "adder", "--watch", "--json"]);
  assert.equal(both.code, 2);
  assert.match(both.stdout, /Cannot use --watch with --json/);
});
