import assert from "node:assert/strict";
import { erf as mathErf } from "mathjs";
import { erf, erfc } from "./gelu.ts";

Deno.test("layers: erf() is within 1.2e-7 of mathjs on [-6, 6]", () => {
  let worst = 0;
  for (let x = -6; x <= 6; x += 0.0037) worst = Math.max(worst, Math.abs(erf(x) - mathErf(x)));
  assert.ok(worst < 1.2e-7, `worst ${worst}`);
  assert.equal(erf(0), 0);
  assert.ok(Math.abs(erf(1e-10) / 1.1283791670955126e-10 - 1) < 1e-12, "tiny x keep precision");
  assert.equal(erf(-3), -erf(3));
});

Deno.test("layers: erfc() keeps its relative accuracy in the tails", () => {
  let worst = 0;
  for (let x = -6; x <= 3; x += 0.0041) {
    const want = 1 - mathErf(x);
    worst = Math.max(worst, Math.abs(erfc(x) - want) / want);
  }
  assert.ok(worst < 1.2e-7, `worst relative error ${worst}`);
  // Tail values from the asymptotic series / published tables.
  for (const [x, want] of [[5, 1.5374597944280349e-12], [10, 2.088487583762545e-45]]) {
    assert.ok(Math.abs(erfc(x) / want - 1) < 1.2e-7, `erfc(${x})`);
  }
  assert.equal(erfc(Infinity), 0);
  assert.equal(erfc(-Infinity), 2);
});
