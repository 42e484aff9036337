/** One timed candidate found in a benchmark's JSON report. */
export interface BenchTiming {
  /** Where it sits in the report, e.g. `"784→128 batch 32"`. */
  readonly group: string;
  /** The candidate, e.g. `"int8 relaxed"`. */
  readonly name: string;
  /** Its median time in milliseconds. */
  readonly medianMs: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Finds every `{ medianMs: number }` object in a benchmark report (the convention of the
 * course's `*_bench.ts` scripts), named by its `name` field or its key, grouped by its parent.
 *
 * @param report A parsed JSON report.
 * @returns The timings in report order.
 */
export function benchTimings(report: unknown): BenchTiming[] {
  const out: BenchTiming[] = [];
  function walk(value: unknown, path: string[]) {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, String(i)]));
    } else if (isRecord(value)) {
      if (typeof value.medianMs === "number") {
        const name = typeof value.name === "string" ? value.name : path.at(-1) ?? "?";
        const parent = (typeof value.name === "string" ? path : path.slice(0, -1))
          .filter((p) => !/^\d+$/.test(p) && p !== "results" && p !== "layers");
        out.push({ group: parent.join(" / "), name, medianMs: value.medianMs });
        return;
      }
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  }
  walk(report, []);
  return out;
}

/**
 * The benchmark tasks of a module: `deno.json` tasks named `bench:<module>`, or named `bench:…`
 * and running a file inside the module's folder (e.g. `bench:kernels` for quantization).
 *
 * @param tasks The `tasks` of the project's `deno.json`.
 * @param module The module's name and folder.
 * @returns Task names.
 */
export function benchTasks(
  tasks: Record<string, unknown>,
  module: { name: string; dir: string },
): string[] {
  return Object.entries(tasks).filter(([name, task]) => {
    const cmd = typeof task === "string" ? task : isRecord(task) ? String(task.command) : "";
    return name.startsWith("bench:") &&
      (name === `bench:${module.name}` || cmd.includes(`${module.dir}/`));
  }).map(([name]) => name);
}
