import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { fixture } from "./_fixture.ts";
import { sha256Hex } from "./files.ts";

Deno.test("tito: submit writes a zip with the module's files and a manifest", async () => {
  await using f = await fixture();
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

Deno.test("tito: the launcher finds the enclosing project from a subfolder", async () => {
  await using f = await fixture();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("./launcher.ts", import.meta.url).pathname, "module", "list"],
    cwd: `${f.root}/modules/adder/cases`,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.match(new TextDecoder().decode(out.stdout), /01\s+adder/);
});
