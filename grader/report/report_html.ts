import type { ModuleInfo } from "@tinytorch/course";
import { points } from "./feedback.ts";
import { visibleText } from "./inert_text.ts";
import type { SubmissionResult } from "../result.ts";

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A labelled bar for {@linkcode barChart}. */
export interface Bar {
  /** Label left of the bar. */
  readonly label: string;
  /** Length, 0 to `max`. */
  readonly value: number;
  /** Text right of the bar. */
  readonly text: string;
}

/**
 * A horizontal bar chart as inline SVG.
 *
 * @param bars The bars, top to bottom.
 * @param max The value of a full-length bar.
 * @param labelWidth Pixels for the labels.
 * @returns The `<svg>` element.
 */
export function barChart(bars: readonly Bar[], max: number, labelWidth = 360): string {
  const row = 20;
  const width = 300;
  const height = bars.length * row + 4;
  const items = bars.map((b, i) => {
    const y = i * row + 2;
    const w = max > 0 ? Math.max(0, (b.value / max) * width) : 0;
    return `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escape(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${
        row - 6
      }" fill="#4a7fb5"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 14}">${escape(b.text)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${
    labelWidth + width + 80
  }" height="${height}" ` +
    `font-size="12" font-family="sans-serif">${items.join("")}</svg>`;
}

function histogram(results: readonly SubmissionResult[], max: number): Bar[] {
  const bins = new Array(10).fill(0);
  for (const r of results) bins[Math.min(9, Math.floor((r.score / max) * 10))]++;
  return bins.map((n, i) => ({
    label: i === 9 ? "90–100%" : `${i * 10}–${i * 10 + 9}%`,
    value: n,
    text: String(n),
  }));
}

function caseRates(results: readonly SubmissionResult[]): Bar[] {
  const stats = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    for (const c of r.cases) {
      const key = `${c.task} ${c.name}${c.hidden ? " (hidden)" : ""}`;
      const s = stats.get(key) ?? { passed: 0, total: 0 };
      stats.set(key, { passed: s.passed + (c.passed ? 1 : 0), total: s.total + 1 });
    }
  }
  return [...stats]
    .map(([label, s]) => ({ label, rate: s.passed / s.total, s }))
    .sort((a, b) => a.rate - b.rate || a.label.localeCompare(b.label))
    .map(({ label, rate, s }) => ({
      label: label.length > 60 ? `${label.slice(0, 59)}…` : label,
      value: rate,
      text: `${Math.round(rate * 100)}% (${s.passed}/${s.total})`,
    }));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function studentRows(results: readonly SubmissionResult[]): string {
  return results.map((r) =>
    `<tr><td>${escape(visibleText(r.student))}</td><td>${points(r.score)}</td><td>${
      escape(r.status)
    }</td>` +
    `<td>${r.tasks.map((t) => points(t.score)).join(" · ")}</td></tr>`
  ).join("\n");
}

// "quantization: Quantization" says one thing twice: the title alone then.
function moduleHeading(module: ModuleInfo): string {
  return module.title.toLowerCase() === module.name.toLowerCase()
    ? `${module.title}: class report`
    : `${module.name}: ${module.title}`;
}

/**
 * The class report: summary, a score histogram and per-case pass rates (lowest first: what most
 * students got wrong) as SVG bars, and a table of students. Self-contained, no scripts.
 *
 * @param module The graded module.
 * @param results One result per student.
 * @returns The HTML page.
 */
export function reportHtml(module: ModuleInfo, results: readonly SubmissionResult[]): string {
  const max = module.tasks.reduce((s, t) => s + t.points, 0);
  const scores = results.map((r) => r.score);
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escape(module.name)}: class report</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}.bar{fill:#4a7fb5}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style>
</head><body>
<h1>${escape(moduleHeading(module))}</h1>
<p>${results.length} submissions · mean ${points(mean)} / ${max} · median ${points(median(scores))}
· ${results.filter((r) => r.status !== "graded").length} not graded normally</p>
<h2>Scores</h2>
${barChart(histogram(results, max), Math.max(1, results.length), 120)}
<h2>Cases by pass rate (lowest first)</h2>
${barChart(caseRates(results), 1)}
<h2>Students</h2>
<table><tr><th>Student</th><th>Score</th><th>Status</th><th>Tasks (${
    module.tasks.map((t) => t.id).join(" · ")
  })</th></tr>
${studentRows(results)}
</table>
</body></html>
`;
}
