import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { fixture } from "../_fixture.ts";
import { sha256Hex } from "../files.ts";

Deno.test("tito: submit writes a zip with the module's files and a manifest", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/modules/out`);
  const r = await f.tito(["submit", "adder", "--out", "out/adder.zip"], "modules");
  assert.equal(r.code, 0, r.stderr);
  const files = unzipSync(await Deno.readFile(`${f.root}/modules/out/adder.zip`));
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
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
  const byDefault = await f.tito(["submit", "1"]);
  assert.match(byDefault.stdout, /packed: submissions\/adder-\d{8}T\d{6}\.zip/);
});

Deno.test("tito: submit --out refuses an existing file unless --force, and a missing folder", async () => {
  await using f = await fixture();
  await f.write("mine.zip", "precious");
  const refused = await f.tito(["submit", "adder", "--out", "mine.zip"]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /Cannot write mine\.zip: the file already exists\. Nothing was written/,
  );
  assert.match(refused.stderr, /add --force to replace it/);
  assert.equal(await f.read("mine.zip"), "precious");
  const forced = await f.tito(["submit", "adder", "--out", "mine.zip", "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.ok("manifest.json" in unzipSync(await Deno.readFile(`${f.root}/mine.zip`)));
  const missing = await f.tito(["submit", "adder", "--out", "no/such/dir/a.zip"]);
  assert.equal(missing.code, 1);
  assert.match(
    missing.stderr,
    /Cannot write no\/such\/dir\/a\.zip: the folder .*no\/such\/dir does not exist/,
  );
  assert.equal(await Deno.stat(`${f.root}/no`).catch(() => null), null, "no folder was created");
  const left = (await Array.fromAsync(Deno.readDir(f.root))).filter((e) =>
    e.name.includes(".tmp-")
  );
  assert.deepEqual(left, [], "no temporary file is left behind");
});

Deno.test("tito: the launcher finds the enclosing project from a subfolder", async () => {
  await using f = await fixture();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../launcher.ts", import.meta.url).pathname, "module", "list"],
    cwd: `${f.root}/modules/adder/cases`,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.match(new TextDecoder().decode(out.stdout), /01\s+adder/);
});
