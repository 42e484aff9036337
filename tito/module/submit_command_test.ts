// End to end: the learner's folder reaches `tito submit` (TITO_CWD, the launcher). What submit
// writes is tested in-process in submit_test.ts.
import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { fixture } from "../_fixture.ts";

Deno.test("tito: submit --out is relative to the folder the learner typed it in; a refusal exits 1", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/modules/out`);
  const r = await f.tito(["submit", "adder", "--out", "out/adder.zip"], "modules");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^📦 01 adder packed: modules\/out\/adder\.zip\n/);
  assert.ok("manifest.json" in unzipSync(await Deno.readFile(`${f.root}/modules/out/adder.zip`)));
  const again = await f.tito(["submit", "adder", "--out", "out/adder.zip"], "modules");
  assert.equal(again.code, 1);
  assert.match(again.stderr, /❌ Cannot write modules\/out\/adder\.zip: the file already exists/);
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
