import assert from "node:assert/strict";
import { svgBars } from "./mlperf_report.ts";

Deno.test("tito: milestone 06 charts colour fp32 and int8 bars apart and say which is which", () => {
  const mixed = svgBars("Stored bytes", [
    { label: "fp32", value: 4, text: "4 B" },
    { label: "int8", value: 1, text: "1 B" },
  ]);
  assert.match(mixed, /fill="#3b7dd8"\/><text[^>]*>4 B/);
  assert.match(mixed, /fill="#e07b39"\/><text[^>]*>1 B/);
  assert.match(mixed, />fp32<\/text>.*>int8<\/text>/, "a legend");
  const one = svgBars("Latency", [{ label: "Linear", value: 1, text: "1 µs" }]);
  assert.doesNotMatch(one, />int8<\/text>/, "no legend for one kind of bar");
});
