import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { moduleReset } from "./module_reset.ts";
import { moduleStart, printModuleStart } from "./module_start.ts";

Deno.test("tito: moduleStart() saves the reference, backs the folder up and renders the stubs; a second start leaves the stub alone", async () => {
  await using f = await fixture();
  const project = await f.project();
  const warnings: string[] = [];
  const report = await moduleStart(project, "1", { onWarning: (w) => warnings.push(w) });
  assert.deepEqual(warnings, [], "adder builds on nothing");
  assert.equal(report.module.name, "adder");
  assert.equal(report.alreadyStub, false);
  assert.deepEqual([report.regions, report.tasks], [2, ["adder.1", "adder.2"]]);
  assert.ok(report.savedReference > 0);
  assert.equal(report.noReference, null);
  assert.match(report.backup!, /^\.tito\/backups\/adder-\d{8}T\d{6}$/);
  assert.match(await f.read(".tito/reference/adder/add.ts"), /return a \+ b;/);
  assert.match(
    await f.read("modules/adder/add.ts"),
    /throw new NotImplementedError\("adder\.1"\);/,
  );
  const info = JSON.parse(await f.read(`${report.backup}/backup.json`));
  assert.equal(info.module, "adder");
  assert.equal(info.reason, "module start");
  assert.ok(
    info.files.some((x: { path: string; sha256: string }) =>
      x.path === "add.ts" && /^[0-9a-f]{64}$/.test(x.sha256)
    ),
  );
  assert.match(await f.read(`${report.backup}/files/add.ts`), /return a \+ b;/);
  const out = capture();
  printModuleStart(report, out);
  assert.match(
    out.stdout.join("\n"),
    /Saved the reference \(\d+ files\) to \.tito\/reference\/adder\//,
  );

  const again = await moduleStart(project, "adder");
  assert.deepEqual([again.alreadyStub, again.backup, again.savedReference], [true, null, 0]);
  const shown = capture();
  printModuleStart(again, shown);
  assert.ok(shown.stdout.includes("The folder already held the stub: nothing to render."));
});

Deno.test("tito: moduleStart() warns before anything changes when the prerequisites are not complete", async () => {
  await using f = await fixture();
  const warnings: string[] = [];
  const report = await moduleStart(await f.project(), "scaler", {
    onWarning: (w) => warnings.push(w),
  });
  assert.deepEqual(report.missingPrerequisites, ["adder"]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^scaler builds on adder, not complete yet\. You can start anyway/);
});

Deno.test("tito: moduleStart() refuses to replace work that is neither stub nor reference, unless force", async () => {
  await using f = await fixture();
  const project = await f.project();
  await f.write(
    "modules/adder/add.ts",
    (await f.read("modules/adder/add.ts")).replace("return a + b", "return b + a"),
  );
  await assert.rejects(moduleStart(project, "adder"), {
    name: "TitoError",
    exitCode: 1,
    message: "Cannot start 01 adder: modules/adder differs from both its stub and its reference " +
      "(add.ts is not the course's version listed in tito/reference_manifest.json; " +
      "uncommitted: modules/adder/add.ts). Nothing was changed",
  });
  assert.match(await f.read("modules/adder/add.ts"), /b \+ a/, "nothing changed");
  const forced = await moduleStart(project, "adder", { force: true });
  assert.equal(forced.savedReference, 0);
  assert.match(forced.noReference!, /add\.ts is not the course's version/);
  assert.match(await f.read("modules/adder/add.ts"), /NotImplementedError/);
  assert.match(await f.read(`${forced.backup}/files/add.ts`), /b \+ a/);
  await assert.rejects(
    moduleReset(project, "adder", { solution: true }),
    /Cannot reset 01 adder to its solution: no reference copy is available/,
    "no reference was saved from uncommitted work",
  );
});

Deno.test("tito: moduleStart() never saves committed edits as the reference; force renders the stub and saves none", async () => {
  await using f = await fixture();
  const project = await f.project();
  await f.write(
    "modules/adder/double.ts",
    (await f.read("modules/adder/double.ts")).replace("2 * x", "x + x + 0"),
  );
  await f.git("commit", "-qam", "my double");
  const refused = await moduleStart(project, "1").catch((e) => e);
  assert.equal(
    refused.message,
    "Cannot start 01 adder: modules/adder differs from both its stub and its reference " +
      "(double.ts is not the course's version listed in tito/reference_manifest.json). " +
      "Nothing was changed",
  );
  assert.match(refused.hint, /module start 01 --force/);
  assert.equal(await f.git("status", "--porcelain"), "", "nothing changed");
  const forced = await moduleStart(project, "1", { force: true });
  const out = capture();
  printModuleStart(forced, out);
  assert.match(out.stderr.join("\n"), /Saved no reference: double\.ts is not the course's version/);
  assert.doesNotMatch(out.stdout.join("\n"), /Saved the reference/);
  assert.match(await f.read("modules/adder/double.ts"), /NotImplementedError\("adder\.2"\)/);
  assert.equal(await Deno.stat(`${f.root}/.tito/reference`).catch(() => null), null);
  assert.match(await f.read(`${forced.backup}/files/double.ts`), /x \+ x \+ 0/);
});
