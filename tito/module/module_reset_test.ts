import assert from "node:assert/strict";
import { capture, fixture } from "../_fixture.ts";
import { moduleReset, printModuleReset } from "./module_reset.ts";

Deno.test("tito: moduleReset() without a reference copy renders the current files' task bodies and says so; a recorded completion stays", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/.tito`);
  const completedAt = "2026-01-02T03:04:05.000Z";
  await f.write(
    ".tito/progress.json",
    JSON.stringify({ schema: 1, modules: { adder: { completedAt, tasks: {} } }, milestones: {} }),
  );
  const report = await moduleReset(await f.project(), "adder");
  assert.deepEqual(
    [report.solution, report.fromReference, report.regions, report.completedAt],
    [false, false, 2, completedAt],
  );
  assert.match(await f.read("modules/adder/add.ts"), /NotImplementedError\("adder\.1"\)/);
  assert.match(await f.read(`${report.backup}/files/add.ts`), /return a \+ b;/);
  assert.equal(JSON.parse(await f.read(`${report.backup}/backup.json`)).reason, "module reset");
  const out = capture();
  printModuleReset(report, out);
  assert.match(out.stderr[0], /^There is no \.tito\/reference\/adder\/\..* So tito rendered/);
  assert.ok(
    out.stdout.includes("Restored the stub: 2 task bodies throw NotImplementedError again."),
  );
  assert.ok(out.stdout.some((l) => l.startsWith("Your completion (2026-01-02) stays recorded")));
});
