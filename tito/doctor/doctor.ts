import { runDeno } from "../deno_process.ts";
import { type Check, packageChecks, repositoryCheck } from "./doctor_findings.ts";
import type { ProbeResult } from "./doctor_probe.ts";
import { bold, dim, green, type Out, red, yellow } from "../output.ts";
import { PROGRESS_FILE, progressProblem } from "../progress/progress_store.ts";
import type { Project } from "../project.ts";
import { REQUIRED_DENO } from "./require_deno.ts";

/** The Deno version the course is pinned to (one source: `tito/doctor/require_deno.ts`). */
export const EXPECTED_DENO: string = REQUIRED_DENO;

async function probeChecks(project: Project): Promise<Check[]> {
  const config = JSON.parse(await Deno.readTextFile(`${project.root}/deno.json`));
  const npm = Object.entries(config.imports ?? {})
    .filter(([, v]) => String(v).startsWith("npm:")).map(([k]) => k);
  const packages = [...project.modules.map((m) => m.package), "@tinytorch/datasets"];
  const file = `.tito/doctor-probe-${Deno.pid}.ts`;
  await Deno.mkdir(`${project.root}/.tito`, { recursive: true });
  const source = await Deno.readTextFile(new URL("./doctor_probe.ts", import.meta.url));
  await Deno.writeTextFile(
    `${project.root}/${file}`,
    `${source}\nconsole.log(JSON.stringify(await probe(${JSON.stringify(npm)}, ${
      JSON.stringify(packages)
    })));\n`,
  );
  try {
    const run = await runDeno(["run", "--cached-only", "-A", file], project.root);
    const line = run.stdout.trim().split("\n").at(-1) ?? "";
    const results: ProbeResult[] = line.startsWith("[") ? JSON.parse(line) : [];
    if (results.length === 0) {
      return [{
        name: "dependencies",
        ok: false,
        detail: run.stderr.trim().slice(0, 600),
        fix: "Run `deno install` once with network access.",
      }];
    }
    const npmResults = results.filter((r) => r.name.startsWith("npm:"));
    return [
      ...npmResults.map((r) => ({
        name: `${r.name} cached`,
        ok: r.ok,
        detail: r.detail,
        fix: "Run `deno install` once with network access (npm packages come from Deno's cache).",
      })),
      ...packageChecks(project, results.filter((r) => !r.name.startsWith("npm:"))),
    ];
  } finally {
    await Deno.remove(`${project.root}/${file}`).catch(() => {});
  }
}

async function stateChecks(root: string): Promise<Check[]> {
  const checks: Check[] = [];
  try {
    await Deno.mkdir(`${root}/.tito`, { recursive: true });
    const probe = `${root}/.tito/.doctor-${Deno.pid}`;
    await Deno.writeTextFile(probe, "ok");
    await Deno.remove(probe);
    checks.push({ name: ".tito/ writable", ok: true, detail: `${root}/.tito` });
  } catch (error) {
    checks.push({
      name: ".tito/ writable",
      ok: false,
      detail: String(error),
      fix: `Make ${root}/.tito writable (chmod u+w).`,
    });
  }
  try {
    const problem = progressProblem(
      JSON.parse(await Deno.readTextFile(`${root}/${PROGRESS_FILE}`)),
    );
    checks.push({
      name: "progress file valid",
      ok: !problem,
      detail: problem ?? PROGRESS_FILE,
      fix: `Fix ${PROGRESS_FILE} by hand, or let the next tito command move it aside.`,
    });
  } catch (error) {
    const missing = error instanceof Deno.errors.NotFound;
    checks.push({
      name: "progress file valid",
      ok: missing,
      detail: missing ? "none yet (nothing completed)" : String(error),
      fix:
        `${PROGRESS_FILE} is not valid JSON: fix it by hand, or let the next tito command move it aside.`,
    });
  }
  return checks;
}

/** What `tito doctor` found. */
export interface DoctorReport {
  /** Every check, in the order shown. */
  readonly checks: readonly Check[];
  /** How many checks failed (warnings are not problems). */
  readonly problems: number;
}

/**
 * `tito doctor`: Deno version, npm dependencies resolvable offline from the cache, the course
 * packages load, MNIST and the reference weights load, `.tito/` is writable, the progress file
 * is valid. The packages are loaded in a child Deno, never in tito's process.
 *
 * @param project The project.
 * @returns The report.
 */
export async function doctor(project: Project): Promise<DoctorReport> {
  const version = Deno.version.deno;
  const checks: Check[] = [
    {
      name: `Deno ${EXPECTED_DENO}`,
      ok: version === EXPECTED_DENO,
      detail: `running ${version} (${Deno.execPath()})`,
      fix: `npm install -g deno@${EXPECTED_DENO} (or npx -y deno@${EXPECTED_DENO} task tito …)`,
    },
    {
      name: "course registry",
      ok: true,
      detail:
        `${project.modules.length} modules, ${project.milestones.length} milestones in ${project.root}`,
    },
    await repositoryCheck(project.root),
    ...await probeChecks(project),
    ...await stateChecks(project.root),
  ];
  return { checks, problems: checks.filter((c) => !c.ok).length };
}

/**
 * Prints `tito doctor`: each check ✅, ⚠️ or ❌ with its fix, and the count of problems.
 *
 * @param report The report.
 * @param out Where to print.
 */
export function printDoctor(report: DoctorReport, out: Out): void {
  out.say(bold("🩺 tito doctor"), "");
  for (const c of report.checks) {
    const mark = !c.ok ? red("❌") : c.warn ? yellow("⚠️ ") : green("✅");
    out.say(`${mark} ${c.name} ${dim(`— ${c.detail.split("\n")[0]}`)}`);
    if ((!c.ok || c.warn) && c.fix) out.say(`   ${c.ok ? "note" : "fix"}: ${c.fix}`);
  }
  const bad = report.problems;
  out.say("", bad ? red(`${bad} problem(s) found.`) : green("Everything looks fine."));
}
