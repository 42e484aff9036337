/**
 * Milestone 06's report: an HTML page with inline SVG bar charts, written under `reports/`.
 *
 * @module
 */
import { type ModelProfile, VERDICT_TEXT } from "@tinytorch/profiling";
import type { MilestoneCheck } from "./runner.ts";

/** What the report shows. */
export interface MlperfReportData {
  /** The fp32 model's profile. */
  readonly profile: ModelProfile;
  /** The same-run timings. */
  readonly timings: readonly { name: string; medianMs: number; samples: number }[];
  /** The checks. */
  readonly checks: readonly MilestoneCheck[];
  /** The numbers. */
  readonly measurements: Readonly<Record<string, number>>;
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

const FP32_COLOUR = "#3b7dd8";
const INT8_COLOUR = "#e07b39";
const isInt8 = (label: string) => /int8/i.test(label);

/**
 * A horizontal bar chart as SVG: int8 bars (their label says int8) orange, the others blue, with a
 * legend when a chart has both.
 *
 * @param title The chart's title.
 * @param bars Labels, values and value texts.
 * @returns The SVG element.
 */
export function svgBars(
  title: string,
  bars: readonly { label: string; value: number; text: string }[],
): string {
  const max = Math.max(...bars.map((b) => b.value), 1e-12);
  const rowH = 28;
  const height = 40 + bars.length * rowH;
  const rows = bars.map((b, i) => {
    const y = 30 + i * rowH;
    const w = Math.max(1, (b.value / max) * 320);
    return `<text x="0" y="${y + 15}" font-size="13">${escape(b.label)}</text>` +
      `<rect x="250" y="${y}" width="${w.toFixed(1)}" height="20" fill="${
        isInt8(b.label) ? INT8_COLOUR : FP32_COLOUR
      }"/>` +
      `<text x="${(256 + w).toFixed(1)}" y="${y + 15}" font-size="12">${escape(b.text)}</text>`;
  }).join("");
  const both = bars.some((b) => isInt8(b.label)) && bars.some((b) => !isInt8(b.label));
  const legend = both
    ? `<rect x="600" y="5" width="12" height="12" fill="${FP32_COLOUR}"/>` +
      `<text x="616" y="16" font-size="12">fp32</text>` +
      `<rect x="660" y="5" width="12" height="12" fill="${INT8_COLOUR}"/>` +
      `<text x="676" y="16" font-size="12">int8</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="${height}" ` +
    `font-family="sans-serif"><text x="0" y="16" font-size="15" font-weight="bold">${
      escape(title)
    }</text>${legend}${rows}</svg>`;
}

/**
 * Writes `reports/milestone_06.html`.
 *
 * @param root The project root.
 * @param data The measurements.
 * @returns The file, relative to the root.
 */
export async function writeMlperfReport(root: string, data: MlperfReportData): Promise<string> {
  const m = data.measurements;
  const charts = [
    svgBars("Per-layer latency of the fp32 model (your profileModel, batch 1)", [
      ...data.profile.layers.map((r) => ({
        label: r.name,
        value: r.medianMs,
        text: `${(r.medianMs * 1000).toFixed(1)} µs, ${VERDICT_TEXT[r.verdict]}`,
      })),
    ]),
    svgBars("Test accuracy (2000 MNIST digits)", [
      { label: "fp32", value: m.fp32Accuracy, text: `${(100 * m.fp32Accuracy).toFixed(2)}%` },
      { label: "int8", value: m.int8Accuracy, text: `${(100 * m.int8Accuracy).toFixed(2)}%` },
    ]),
    svgBars("Stored bytes", [
      { label: "fp32", value: m.fp32Bytes, text: `${m.fp32Bytes.toLocaleString("en-US")} B` },
      { label: "int8", value: m.int8Bytes, text: `${m.int8Bytes.toLocaleString("en-US")} B` },
    ]),
    svgBars(
      `Median forward time, batch ${m.benchBatch} (one tinybench run)`,
      data.timings.map(
        (t) => ({ label: t.name, value: t.medianMs, text: `${t.medianMs.toFixed(4)} ms` }),
      ),
    ),
  ];
  const { compute, memory, int8, ridge, ridgeRange } = data.profile.machine;
  const roof = (r: typeof compute, unit: string) =>
    `${r.best.toPrecision(3)} ${unit} (median ${r.median.toPrecision(3)}, slowest ${
      r.worst.toPrecision(3)
    } of ${r.runs} runs; ${r.kernel})`;
  const roofs = [
    `fp32 compute roof ${roof(compute, "GFLOP/s")}`,
    ...(int8 ? [`int8 compute roof ${roof(int8, "GOP/s")}`] : []),
    `memory roof ${roof(memory, "GB/s")}`,
    `ridge ${ridge.toPrecision(3)} FLOP/byte, ${ridgeRange.low.toPrecision(3)} to ${
      ridgeRange.high.toPrecision(3)
    } within the spread (a layer there is "near the ridge")`,
  ];
  const rows = data.checks.map((c) =>
    `<tr><td>${c.ok ? "✅" : "❌"}</td><td>${escape(c.name)}</td><td>${escape(c.measured)}</td>` +
    `<td>${escape(c.wanted)}</td></tr>`
  ).join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Milestone 06: MLPerf</title>
<style>body{font-family:sans-serif;max-width:800px;margin:2em auto}td,th{padding:4px 10px;text-align:left}</style>
</head><body>
<h1>Milestone 06: MLPerf (2018)</h1>
<p>${
    new Date().toISOString()
  }, Deno ${Deno.version.deno}, ${Deno.build.target}. Every number was measured in this run.</p>
<table><tr><th></th><th>check</th><th>measured</th><th>pass mark</th></tr>
${rows}
</table>
<p>Roofline, measured in this run:</p>
<ul>${roofs.map((r) => `<li>${escape(r)}</li>`).join("")}</ul>
${charts.map((c) => `<p>${c}</p>`).join("\n")}
</body></html>
`;
  await Deno.mkdir(`${root}/reports`, { recursive: true });
  await Deno.writeTextFile(`${root}/reports/milestone_06.html`, html);
  return "reports/milestone_06.html";
}
