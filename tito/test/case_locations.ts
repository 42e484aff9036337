/**
 * Where cases are defined, read from the source of `modules/<m>/cases/*.ts`: the file and line
 * of each case's key in its `defineCases("<task>", { … })` call, and the source of its `run`.
 *
 * @module
 */

/** Where one case is defined. */
export interface CaseLocation {
  /** `modules/<m>/cases/<file>.ts:<line>`, relative to the project root. */
  readonly location: string;
  /** The source of its `run`, on one line (clipped), or `null` when it was not found. */
  readonly run: string | null;
}

const DEFINE = /defineCases\s*(?:<[^>]*>)?\s*\(\s*(["'`])([^"'`]+)\1\s*,/g;
const NEXT_KEY = /,?\s*\b(expect|compare)\s*:/;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The ways a case's name can be written as an object key. */
function keys(name: string): RegExp[] {
  const literal = (q: string) =>
    q + name.replaceAll("\\", "\\\\").replaceAll(q, `\\${q}`).replaceAll("\n", "\\n") + q;
  const quoted = [JSON.stringify(name), literal("'"), literal('"')];
  const forms = [...new Set(quoted)].map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  if (/^[A-Za-z_$][\w$]*$/.test(name)) forms.push(`\\b${name.replaceAll("$", "\\$")}`);
  return forms.map((f) => new RegExp(`${f}\\s*:`));
}

function oneLine(source: string, max: number): string {
  const line = source.replace(/\s+/g, " ").trim().replace(/,$/, "");
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The case's `run`, or the expression that builds the case (`randomCase(1, 1, 1, 11)`). */
function runSource(text: string, key: RegExpExecArray, max = 160): string | null {
  const value = text.slice(key.index + key[0].length).trimStart();
  if (!value.startsWith("{")) {
    return oneLine(value.slice(0, value.indexOf("\n") + 1 || undefined), max);
  }
  const at = /\brun\s*:/.exec(value);
  if (!at) return null;
  const body = value.slice(at.index);
  const end = NEXT_KEY.exec(body.slice(4));
  return oneLine(body.slice(0, end ? end.index + 4 : body.indexOf("\n") + 1 || undefined), max);
}

/**
 * Finds where the cases with the given test names (`"<task> <case>"`) are defined in a module's
 * `cases/` folder. Names it cannot find are left out.
 *
 * @example Usage
 * ```ts ignore
 * const where = await caseLocations("/course", "modules/adder", ["adder.1 adds 1 and 2"]);
 * where.get("adder.1 adds 1 and 2"); // { location: "modules/adder/cases/add.ts:5", run: "…" }
 * ```
 *
 * @param root The project root.
 * @param dir The module's folder, relative to the root (e.g. `modules/adder`).
 * @param names Test names.
 * @returns Locations by test name.
 */
export async function caseLocations(
  root: string,
  dir: string,
  names: readonly string[],
): Promise<Map<string, CaseLocation>> {
  const sets: { task: string; file: string; text: string; from: number; to: number }[] = [];
  try {
    const files: string[] = [];
    for await (const e of Deno.readDir(`${root}/${dir}/cases`)) {
      if (e.isFile && e.name.endsWith(".ts")) files.push(e.name);
    }
    for (const name of files.sort()) {
      const file = `${dir}/cases/${name}`;
      const text = await Deno.readTextFile(`${root}/${file}`);
      const found = [...text.matchAll(DEFINE)];
      found.forEach((m, i) => {
        const to = i + 1 < found.length ? found[i + 1].index : text.length;
        sets.push({ task: m[2], file, text, from: m.index + m[0].length, to });
      });
    }
  } catch {
    // no cases/ folder, or it cannot be read: no locations
  }
  const out = new Map<string, CaseLocation>();
  for (const test of names) {
    const set = sets.find((s) => test.startsWith(`${s.task} `));
    if (!set) continue;
    const region = set.text.slice(set.from, set.to);
    const name = test.slice(set.task.length + 1);
    const hits = keys(name).map((k) => k.exec(region)).filter((m) => m !== null);
    if (!hits.length) continue;
    const key = hits.reduce((a, b) => a.index <= b.index ? a : b);
    out.set(test, {
      location: `${set.file}:${lineOf(set.text, set.from + key.index)}`,
      run: runSource(region, key),
    });
  }
  return out;
}
