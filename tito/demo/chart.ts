/**
 * Small dependency-free SVG charts for the demo report.
 *
 * @module
 */

/** One bar: a label and a value. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const escape = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A horizontal bar chart.
 *
 * @param title The chart title.
 * @param bars The bars, top to bottom.
 * @param format How to print a value next to its bar.
 * @param from Where the axis starts (default 0): for values close together, e.g. accuracies, so
 *   their differences show; the chart says where it starts.
 * @returns An `<svg>` element as text.
 */
export function barChart(
  title: string,
  bars: readonly Bar[],
  format: (v: number) => string,
  from = 0,
): string {
  const width = 640, left = 220, row = 26, top = 34;
  const max = Math.max(...bars.map((b) => b.value), from + 1e-12);
  const height = top + bars.length * row + (from === 0 ? 10 : 28);
  const rows = bars.map((b, i) => {
    const y = top + i * row;
    const w = Math.max(1, ((b.value - from) / (max - from)) * (width - left - 90));
    return `<text x="${left - 8}" y="${y + 16}" text-anchor="end">${escape(b.label)}</text>` +
      `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${
        row - 8
      }" fill="#4c78a8"/>` +
      `<text x="${left + w + 6}" y="${y + 16}">${escape(format(b.value))}</text>`;
  });
  const axis = from === 0
    ? ""
    : `<text x="${left}" y="${height - 8}" font-size="11" fill="#666">the bars start at ${
      escape(format(from))
    }, not 0</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">` +
    `<text x="8" y="20" font-weight="bold">${escape(title)}</text>${rows.join("")}${axis}</svg>`;
}

/**
 * An HTML page holding a title, a few paragraphs and charts.
 *
 * @param title The page title.
 * @param sections Paragraph texts or `<svg>` elements, in order.
 * @returns The page.
 */
export function page(title: string, sections: readonly string[]): string {
  const body = sections.map((s) =>
    s.startsWith("<svg") ? `<div>${s}</div>` : `<p>${escape(s)}</p>`
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body style="font-family:sans-serif;max-width:720px;margin:2em auto"><h1>${
      escape(title)
    }</h1>${body.join("\n")}</body></html>\n`;
}

/**
 * A start for an axis that shows the differences between close values: a round number a little
 * below the smallest (a tenth of their spread below it, at least 0.5 units), never below 0.
 *
 * @param values The values.
 * @returns The axis start.
 */
export function axisStart(values: readonly number[]): number {
  const lo = Math.min(...values), hi = Math.max(...values);
  return Math.max(0, Math.floor(lo - Math.max(0.5, (hi - lo) / 10)));
}
