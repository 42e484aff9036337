import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";
import type { TestReport } from "./test_runner.ts";

Deno.test("tito: test exits 0 only when everything passes, and --json has the documented shape", async () => {
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
  assert.match(wrong.stdout, /❌\s+adder\.1\s+Add two numbers\s+60 pts\s+0\/2\s+wrong answer/);
  assert.match(wrong.stdout, /✅\s+adder\.2/);
  assert.match(
    wrong.stdout,
    /✗ adder\.1 adds 1 and 2 \(modules\/adder\/cases\/add\.ts:5\)\n\s+run: \(\{ add \}\) => add\(1, 2\)\n\s+got -1, want 3\n/,
  );
  assert.match(wrong.stdout, /…and 1 more failing case: tito test --module adder --all\n/);
  assert.doesNotMatch(wrong.stdout, /adds a negative number/, "only the first failure");
  assert.match(
    wrong.stdout,
    /double\(x\) equals add\(x, x\) \(tests\/adder_double_add_test\.ts:3\)/,
  );
  const all = await f.tito(["test", "--module", "adder", "--all"]);
  assert.equal(all.code, 1);
  assert.match(
    all.stdout,
    /got -1, want 3\n\s+✗ adder\.1 adds a negative number \(modules\/adder\/cases\/add\.ts:6\)\n\s+run: \(\{ add \}\) => add\(-5, 2\)\n\s+got -7, want -3\n/,
  );
  assert.doesNotMatch(all.stdout, /more failing case/);
  const one = await f.tito(["test", "--module", "adder", "--task", "2", "--json"]);
  assert.equal(one.code, 0, "only adder.2 ran, and it passes");
  const only: TestReport = JSON.parse(one.stdout);
  assert.equal(only.task, "adder.2");
  assert.deepEqual(only.tasks.map((t) => t.id), ["adder.2"]);
  const json: TestReport = JSON.parse(
    (await f.tito(["test", "--module", "adder", "--json"])).stdout,
  );
  assert.equal(json.ok, false);
  assert.equal(json.tasks[0].status, "failed");
  assert.match(json.tasks[0].cases[0].message!, /got -1, want 3/);
  assert.equal(json.tasks[0].cases[0].location, "modules/adder/cases/add.ts:5");
  assert.equal(json.tasks[0].cases[0].run, "run: ({ add }) => add(1, 2)");

  const noTask = await f.tito(["test", "--module", "adder", "--task", "adder.9"]);
  assert.equal(noTask.code, 1);
  assert.match(noTask.stderr, /Its tasks are adder\.1, adder\.2/);
  const noModule = await f.tito(["test"]);
  assert.equal(noModule.code, 1);
  assert.match(noModule.stderr, /01 adder/);
});

Deno.test("tito: test reports stubs per task, and --reference-deps swaps in the prerequisites' references", async () => {
  await using f = await fixture();
  assert.equal((await f.tito(["module", "start", "adder"])).code, 0);
  const stub = await f.tito(["test", "--module", "adder"]);
  assert.equal(stub.code, 1);
  assert.match(stub.stdout, /❌\s+adder\.1 .*0\/2\s+not implemented/);
  assert.match(stub.stdout, /❌\s+adder\.2 .*0\/1\s+not implemented/);
  const blocked = await f.tito(["test", "--module", "scaler"]);
  assert.equal(blocked.code, 1);
  assert.match(blocked.stdout, /scaler\.1 .* not implemented: needs adder\.1/);
  assert.match(blocked.stdout, /--reference-deps runs on reference prerequisites/);
  const swapped = await f.tito(["test", "--module", "scaler", "--reference-deps"]);
  assert.equal(swapped.code, 0, swapped.stdout);
  assert.match(swapped.stdout, /prerequisites as reference code: adder/);
  assert.match(
    await f.read("modules/adder/add.ts"),
    /NotImplementedError/,
    "the project is untouched",
  );

  await Deno.remove(`${f.root}/.tito/reference/adder`, { recursive: true });
  const missing = await f.tito(["test", "--module", "scaler", "--reference-deps", "--json"]);
  assert.equal(missing.code, 1);
  assert.deepEqual(JSON.parse(missing.stdout).referenceDeps, { used: [], missing: ["adder"] });
  const text = await f.tito(["test", "--module", "scaler", "--reference-deps"]);
  assert.match(text.stdout, /no reference copy of adder: your own version was used/);
});

Deno.test("tito: test reports type errors and fails nothing for them; a syntax error is said once, with its file:line", async () => {
  await using f = await fixture();
  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace("return a + b;", "return (a + b) as unknown as string;"),
  );
  const typed = await f.tito(["test", "--module", "adder"]);
  assert.equal(typed.code, 0, "type errors are not graded");
  assert.match(typed.stdout, /type check: deno check reports errors \(not graded; the cases ran\)/);
  assert.match(typed.stdout, /TS2322 \[ERROR\]: Type 'string' is not assignable to type 'number'/);
  assert.match(
    typed.stdout,
    /✅ 2\/2 tasks pass, 3\/3 cases, 1\/1 cross-module tests, type errors \(not graded\)/,
  );
  const report: TestReport = JSON.parse(
    (await f.tito(["test", "--module", "adder", "--json"])).stdout,
  );
  assert.equal(report.ok, true);
  assert.equal(report.typeCheck.ok, false);

  await f.write("modules/adder/add.ts", add.replace("return a + b;", "return a + b +;"));
  const broken = await f.tito(["test", "--module", "adder"]);
  assert.equal(broken.code, 1);
  assert.match(
    broken.stdout,
    /❌ the tests could not run: modules\/adder\/add\.ts:10:17: SyntaxError: Expression expected\n.*\n\s+10 \| {3}return a \+ b \+;/,
  );
  assert.equal(broken.stdout.match(/Expression expected/g)?.length, 1, broken.stdout);
  assert.doesNotMatch(broken.stdout, /type check/);
  assert.match(broken.stdout, /❌ 0\/2 tasks pass, 0\/0 cases, tests did not run$/m);
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
