import assert from "node:assert/strict";
import { axisStart, barChart } from "./chart.ts";

Deno.test("tito: demo charts of close values start their axis near them, and say so", () => {
  assert.equal(axisStart([96.2, 96.15, 95.9, 94.1]), 93);
  assert.equal(axisStart([0.4, 0.6]), 0, "never below 0");
  const widths = (svg: string) =>
    [...svg.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => +m[1]);
  const bars = [{ label: "a", value: 96.2 }, { label: "b", value: 94.1 }];
  const [a, b] = widths(barChart("acc", bars, (v) => v.toFixed(1), 93));
  assert.ok(a / b > 2.5, `${a} vs ${b}: the 2-point difference is visible`);
  assert.match(barChart("acc", bars, (v) => v.toFixed(1), 93), /the bars start at 93\.0, not 0/);
  assert.doesNotMatch(barChart("x", bars, (v) => v.toFixed(1)), /start at/);
});
