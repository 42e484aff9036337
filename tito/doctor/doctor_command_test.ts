// End to end: `tito doctor` as a learner runs it. What it checks is tested in doctor_test.ts.
import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

Deno.test("tito: doctor prints each check and exits 1 when one fails", async () => {
  await using f = await fixture(); // the fixture course has no MNIST: one check fails
  const r = await f.tito(["doctor"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^🩺 tito doctor\n\n/);
  assert.match(r.stdout, /❌ MNIST and reference weights — /);
  assert.match(r.stdout, /\n1 problem\(s\) found\.\n$/);
});
