import assert from "node:assert/strict";
import { normalise } from "./normalise.ts";

const place = { root: "/tmp/tito-fixture-1a2b", deno: "/opt/deno/bin/deno", denoVersion: "2.9.7" };

Deno.test("maintainer: normalise() replaces folders, times, digests and versions", () => {
  const text = [
    "✅ Deno 2.9.6 — running 2.9.7 (/opt/deno/bin/deno)   ",
    "✅ .tito/ writable — /tmp/tito-fixture-1a2b/.tito",
    "Backed up what was there to .tito/backups/adder-20261204T023238-2/",
    "⚠️  Passed with --force 2026-12-04T02:32:41.281Z (adder, scaler incomplete: not achieved):",
    "01  adder   ✅ done  completed 2026-12-04",
    "   8 files, 2,708 bytes, sha256 e05913338f42f79e…",
    "ok | 1 passed | 0 failed (12ms)",
  ].join("\n");
  assert.equal(
    normalise(text, place),
    [
      "✅ Deno 2.9.6 — running <deno version> (<deno>)",
      "✅ .tito/ writable — <project>/.tito",
      "Backed up what was there to .tito/backups/adder-<time>/",
      "⚠️  Passed with --force <time> (adder, scaler incomplete: not achieved):",
      "01  adder   ✅ done  completed <date>",
      "   8 files, <n> bytes, sha256 <sha256>…",
      "ok | 1 passed | 0 failed (<duration>)",
    ].join("\n"),
  );
});

Deno.test("maintainer: normalise() keeps what is the same on every run", () => {
  const text = "did not finish in 1 s (--timeout; grading allows 5 s)\n60 pts    2/2  passed";
  assert.equal(normalise(text, place), text);
});
