import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

Deno.test("tito: module list shows the course; an unknown module lists the valid ones", async () => {
  await using f = await fixture();
  const list = await f.tito(["module", "list"]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /01\s+adder\s+Adder: sums and doubles\s+2\s+100/);
  assert.match(list.stdout, /02\s+scaler\s+Scaler: scaled sums\s+1\s+100\s+adder/);
  const unknown = await f.tito(["module", "start", "99"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /Cannot find module "99"/);
  assert.match(unknown.stderr, /01 adder\s+Adder/);
  assert.match(unknown.stderr, /02 scaler\s+Scaler/);
  const bad = await f.tito(["module", "frobnicate"]);
  assert.equal(bad.code, 2, "a wrong command line exits with 2");
});

Deno.test("tito: start backs up and renders; complete with failing cases records nothing; reset --solution restores", async () => {
  await using f = await fixture();
  const start = await f.tito(["module", "start", "1"]);
  assert.equal(start.code, 0, start.stderr);
  assert.match(start.stdout, /Saved the reference \(\d+ files\) to \.tito\/reference\/adder\//);
  assert.match(await f.read(".tito/reference/adder/add.ts"), /return a \+ b;/);
  assert.match(
    await f.read("modules/adder/add.ts"),
    /throw new NotImplementedError\("adder\.1"\);/,
  );
  const [backup] = await Array.fromAsync(Deno.readDir(`${f.root}/.tito/backups`));
  const info = JSON.parse(await f.read(`.tito/backups/${backup.name}/backup.json`));
  assert.equal(info.module, "adder");
  assert.equal(info.reason, "module start");
  assert.ok(
    info.files.some((x: { path: string; sha256: string }) =>
      x.path === "add.ts" && /^[0-9a-f]{64}$/.test(x.sha256)
    ),
  );
  assert.match(await f.read(`.tito/backups/${backup.name}/files/add.ts`), /return a \+ b;/);

  const complete = await f.tito(["module", "complete", "adder"]);
  assert.equal(complete.code, 1);
  assert.match(complete.stdout, /Not recorded/);
  assert.equal(await f.progress(), null, "a failing complete writes no progress");

  const reset = await f.tito(["module", "reset", "adder", "--solution"]);
  assert.equal(reset.code, 0, reset.stderr);
  assert.equal(await f.read("modules/adder/add.ts"), await f.read(".tito/reference/adder/add.ts"));
  assert.equal((await Array.fromAsync(Deno.readDir(`${f.root}/.tito/backups`))).length, 2);

  const restored = await f.tito(["module", "complete", "01"]);
  assert.equal(restored.code, 1, "the restored reference is not the learner's work");
  assert.match(restored.stderr, /modules\/adder is the course's reference solution/);
  assert.match(restored.stderr, /tito module reset 01 brings back the stubs/);
  assert.equal(await f.progress(), null);
  await f.write("modules/adder/add.ts", (await f.read("modules/adder/add.ts")) + "// mine\n");
  const done = await f.tito(["module", "complete", "01"]);
  assert.equal(done.code, 0, done.stdout + done.stderr);
  assert.match(done.stdout, /01 adder complete/);
  assert.match(done.stdout, /Next: tito module start 02/);
  const progress = await f.progress();
  assert.equal(progress!.schema, 1);
  assert.deepEqual((progress!.modules.adder as { tasks: unknown }).tasks, {
    "adder.1": "passed",
    "adder.2": "passed",
  });
  const status = await f.tito(["module", "status"]);
  assert.match(status.stdout, /01\s+adder\s+✅ done/);
  assert.match(status.stdout, /02\s+scaler\s+⏳ ready/);
  assert.match(status.stdout, /🔒 01 Perceptron \(1957\) needs scaler/);
});

Deno.test("tito: start refuses to replace work that is neither stub nor reference, unless --force", async () => {
  await using f = await fixture();
  await f.write(
    "modules/adder/add.ts",
    (await f.read("modules/adder/add.ts")).replace("return a + b", "return b + a"),
  );
  const refused = await f.tito(["module", "start", "adder"]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /differs from both its stub and its reference \(add\.ts is not the course's version listed in tito\/reference_manifest\.json; uncommitted: modules\/adder\/add\.ts\)/,
  );
  assert.match(await f.read("modules/adder/add.ts"), /b \+ a/, "nothing changed");
  const forced = await f.tito(["module", "start", "adder", "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(await f.read("modules/adder/add.ts"), /NotImplementedError/);
  const [backup] = await Array.fromAsync(Deno.readDir(`${f.root}/.tito/backups`));
  assert.match(await f.read(`.tito/backups/${backup.name}/files/add.ts`), /b \+ a/);
  const reset = await f.tito(["module", "reset", "adder", "--solution"]);
  assert.equal(reset.code, 1, "no reference was saved from uncommitted work");
  assert.match(reset.stderr, /no reference copy is available/);
});

Deno.test("tito: start never saves committed edits as the reference; --force renders the stub and saves none", async () => {
  await using f = await fixture();
  await f.write(
    "modules/adder/double.ts",
    (await f.read("modules/adder/double.ts")).replace("2 * x", "x + x + 0"),
  );
  await f.git("commit", "-qam", "my double");
  const refused = await f.tito(["module", "start", "1"]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /Cannot start 01 adder: modules\/adder differs from both its stub and its reference \(double\.ts is not the course's version listed in tito\/reference_manifest\.json\)\. Nothing was changed/,
  );
  assert.match(refused.stderr, /tito module start 01 --force/);
  assert.equal(await f.git("status", "--porcelain"), "", "nothing changed");
  const forced = await f.tito(["module", "start", "1", "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /Saved no reference: double\.ts is not the course's version/);
  assert.doesNotMatch(forced.stdout, /Saved the reference/);
  assert.match(await f.read("modules/adder/double.ts"), /NotImplementedError\("adder\.2"\)/);
  assert.equal(await Deno.stat(`${f.root}/.tito/reference`).catch(() => null), null);
  const [backup] = await Array.fromAsync(Deno.readDir(`${f.root}/.tito/backups`));
  assert.match(await f.read(`.tito/backups/${backup.name}/files/double.ts`), /x \+ x \+ 0/);
});

Deno.test("tito: a syntax error in a module leaves list and status working", async () => {
  await using f = await fixture();
  await f.write("modules/scaler/scale.ts", "export function sumScaled(: {\n");
  for (const args of [["module", "list"], ["module", "status"], ["milestone", "list"]]) {
    const r = await f.tito(args);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
  }
  const test = await f.tito(["test", "--module", "scaler"]);
  assert.equal(test.code, 1);
  assert.match(test.stdout, /the tests could not run/);
  assert.match(test.stdout, /scale\.ts/);
});

Deno.test("tito: complete refuses the course's reference before start; --force records it as forced and unlocks nothing", async () => {
  await using f = await fixture();
  const refused = await f.tito(["module", "complete", "1"]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /Cannot complete 01 adder: modules\/adder is the course's reference solution \(it matches tito\/reference_manifest\.json file for file\), not your work\. Nothing was recorded/,
  );
  assert.match(refused.stderr, /Start the module first: tito module start 01/);
  assert.doesNotMatch(refused.stdout, /🎉|You built/);
  assert.equal(await f.progress(), null);

  for (const m of ["adder", "scaler"]) {
    const forced = await f.tito(["module", "complete", m, "--force"]);
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout, /Recorded .* as forced: the folder is the course's reference/);
    assert.doesNotMatch(forced.stdout, /Unlocked milestone/);
    assert.equal(
      ((await f.progress())!.modules as Record<string, { forced?: boolean }>)[m].forced,
      true,
    );
  }
  const locked = await f.tito(["milestone", "run", "01"]);
  assert.equal(locked.code, 1, "a forced reference counts for no milestone");
  assert.match(locked.stderr, /Milestone 01 Perceptron is locked: complete adder, scaler first/);
});

Deno.test("tito: module status <m> lists each task with its points; the next step is one that can succeed", async () => {
  await using f = await fixture();
  assert.equal((await f.tito(["module", "start", "01"])).code, 0);
  const stub = await f.tito(["module", "status", "01"]);
  assert.equal(stub.code, 0, stub.stderr);
  assert.match(stub.stdout, /adder\.1\s+.*🧱 stub\s+\d+ pts/);
  assert.match(stub.stdout, /adder\.2\s+.*🧱 stub\s+\d+ pts/);
  assert.match(stub.stdout, /Next: tito test --module 01 --task 1/);

  const add = await f.read("modules/adder/add.ts");
  await f.write(
    "modules/adder/add.ts",
    add.replace(
      /\/\/ TODO\(adder\.1\)[^\n]*\n\s*throw new NotImplementedError\("adder\.1"\);/,
      "return a + b;",
    ),
  );
  const half = await f.tito(["module", "status", "adder"]);
  assert.match(half.stdout, /adder\.1\s+.*✅ done/);
  assert.match(half.stdout, /adder\.2\s+.*🧱 stub/);
  assert.match(half.stdout, /Next: tito test --module 01 --task 2/);
  const all = await f.tito(["module", "status"]);
  assert.match(all.stdout, /#\s+module\s+status\s+progress/, "every column has a header");
  assert.match(all.stdout, /01\s+adder\s+🔨 in progress\s+1 of 2 tasks written/);
  assert.match(all.stdout, /Next: tito test --module 01 --task 2/, "not complete: it would fail");

  const typo = await f.tito(["module", "status", "adde"]);
  assert.equal(typo.code, 1);
  assert.match(typo.stderr, /Cannot find module "adde" in the course\. Did you mean "adder"\?/);
});
