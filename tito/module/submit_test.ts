import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { capture, fixture } from "../_fixture.ts";
import { sha256Hex } from "../files.ts";
import { printSubmit, submit } from "./submit.ts";

Deno.test("tito: submit() writes a zip with the module's files and a manifest", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/modules/out`);
  const report = await submit(await f.project("modules"), "adder", { out: "out/adder.zip" });
  assert.equal(report.shown, "modules/out/adder.zip", "relative to where the learner typed it");
  const files = unzipSync(await Deno.readFile(`${f.root}/modules/out/adder.zip`));
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
  assert.deepEqual(manifest, report.manifest);
  assert.equal(manifest.format, "tinytorch-submission/1");
  assert.equal(manifest.module, "adder");
  assert.ok(!Number.isNaN(Date.parse(manifest.createdAt)));
  assert.deepEqual(
    Object.keys(files).filter((p) => p !== "manifest.json").sort(),
    manifest.files.map((x: { path: string }) => x.path).sort(),
  );
  for (const entry of manifest.files) {
    assert.ok(entry.path.startsWith("modules/adder/"));
    assert.equal(entry.sha256, await sha256Hex(files[entry.path]));
    assert.equal(entry.bytes, files[entry.path].length);
  }
  assert.deepEqual(
    [report.regions, report.stubbedRegions, report.stubbedTasks, report.complete],
    [2, 0, [], false],
  );
  const out = capture();
  printSubmit(report, out);
  assert.deepEqual(out.stderr, [], "no stubs to warn about");
  assert.match(out.stdout.at(-1)!, /Not recorded as complete yet: tito module complete adder/);

  const now = new Date("2026-01-02T03:04:05Z");
  const first = await submit(await f.project(), "1", { now });
  assert.equal(first.shown, "submissions/adder-20260102T030405.zip");
  const second = await submit(await f.project(), "1", { now });
  assert.equal(second.shown, "submissions/adder-20260102T030405-2.zip", "never overwritten");
});

Deno.test("tito: submit() refuses an existing file unless force, and a missing folder", async () => {
  await using f = await fixture();
  const project = await f.project();
  await f.write("mine.zip", "precious");
  await assert.rejects(
    submit(project, "adder", { out: "mine.zip" }),
    (e: Error & { hint: string }) => {
      assert.equal(
        e.message,
        "Cannot write mine.zip: the file already exists. Nothing was written",
      );
      assert.match(e.hint, /add --force to replace it/);
      return true;
    },
  );
  assert.equal(await f.read("mine.zip"), "precious");
  await submit(project, "adder", { out: "mine.zip", force: true });
  assert.ok("manifest.json" in unzipSync(await Deno.readFile(`${f.root}/mine.zip`)));
  await assert.rejects(
    submit(project, "adder", { out: "no/such/dir/a.zip" }),
    /Cannot write no\/such\/dir\/a\.zip: the folder .*no\/such\/dir does not exist/,
  );
  assert.equal(await Deno.stat(`${f.root}/no`).catch(() => null), null, "no folder was created");
  const left = (await Array.fromAsync(Deno.readDir(f.root))).filter((e) =>
    e.name.includes(".tmp-")
  );
  assert.deepEqual(left, [], "no temporary file is left behind");
});
