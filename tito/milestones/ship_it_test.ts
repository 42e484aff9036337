import assert from "node:assert/strict";
import { MILESTONES } from "@tinytorch/course";
import { run, shipItChecks, SHIPPED_FILE } from "./ship_it.ts";

const thresholds = MILESTONES.find((m) => m.id === "07")!.thresholds;

Deno.test("tito: milestone 07 ships the reference int8 MLP: ONNX Runtime predicts every digit as it does, from a file 3.8x smaller", async () => {
  const root = await Deno.makeTempDir({ prefix: "tinytorch-ship-it-" });
  try {
    const lines: string[] = [];
    const outcome = await run({
      root,
      thresholds,
      log: (line) => lines.push(line),
      progress: () => undefined,
    });
    assert.equal(outcome.passed, true, JSON.stringify(outcome.checks));
    assert.equal(outcome.report, SHIPPED_FILE);
    const m = outcome.measurements;
    assert.equal(m.samePredictions, 2000);
    assert.equal(m.integerLogitsBitIdentical, true);
    assert.equal((await Deno.stat(`${root}/${SHIPPED_FILE}`)).size, m.int8FileBytes);
    assert.ok(lines.some((l) => /logits bit-identical to yours/.test(l)), lines.join("\n"));
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("tito: milestone 07 fails on one differing prediction or a file that is not small enough", () => {
  const m = {
    testDigits: 2000,
    samePredictions: 2000,
    fp32FileBytes: 438_000,
    int8FileBytes: 114_000,
    fileRatio: 438 / 114,
  };
  assert.deepEqual(shipItChecks(m, thresholds).map((c) => c.ok), [true, true]);
  assert.deepEqual(shipItChecks({ ...m, samePredictions: 1999 }, thresholds).map((c) => c.ok), [
    false,
    true,
  ]);
  const big = { ...m, int8FileBytes: 120_000, fileRatio: 438 / 120 };
  const checks = shipItChecks(big, thresholds);
  assert.deepEqual(checks.map((c) => c.ok), [true, false]);
  assert.equal(checks[1].measured, "3.65× (438,000 → 120,000 B)");
  assert.equal(checks[1].wanted, "≥ 3.8×");
  assert.equal(checks[0].wanted, "every digit");
  assert.throws(() => shipItChecks(m, {}), RangeError);
});
