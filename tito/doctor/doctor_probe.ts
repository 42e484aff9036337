/**
 * The probe `tito doctor` runs in a child Deno (`--cached-only`): it imports each npm dependency
 * and each course package by its bare name, then loads MNIST and the reference weights, and
 * prints one JSON line of results. Copied into `.tito/` so the project's import map applies.
 *
 * @module
 */

/** One probe result. */
export interface ProbeResult {
  /** What was probed, e.g. `"npm:fflate"` or `"@tinytorch/tensor"`. */
  readonly name: string;
  /** Whether it loaded. */
  readonly ok: boolean;
  /** What went wrong, or what was found. */
  readonly detail: string;
}

/**
 * Runs the probe.
 *
 * @param npm Bare names of the npm dependencies.
 * @param packages The course packages.
 * @returns The results.
 */
export async function probe(npm: string[], packages: string[]): Promise<ProbeResult[]> {
  const out: ProbeResult[] = [];
  const attempt = async (name: string, f: () => Promise<string>) => {
    try {
      out.push({ name, ok: true, detail: await f() });
    } catch (error) {
      out.push({ name, ok: false, detail: String(error).split("\n").slice(0, 12).join("\n") });
    }
  };
  for (const n of npm) await attempt(`npm:${n}`, async () => (await import(n), "in Deno's cache"));
  for (const p of packages) await attempt(p, async () => (await import(p), "imports cleanly"));
  await attempt("mnist", async () => {
    const d = await import("@tinytorch/datasets");
    const { train, test } = await d.loadMnist();
    const weights = await d.referenceWeights();
    return `${train.labels.size} train + ${test.labels.size} test digits; ` +
      `reference weights ${
        weights.map((w: { weightShape: number[] }) => w.weightShape.join("x")).join(", ")
      } (sha256 ok)`;
  });
  return out;
}
