// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task mutation [--module <m>] [--force]`: mutation testing of the solution regions with
 * StrykerJS (run under Node by `npx`, pinned in {@linkcode STRYKER}; a dev tool, not a workspace
 * dependency). Only region bodies are mutated; each mutant is tested by its own task's cases
 * (`run_cases.ts`). Stryker's incremental mode re-tests only mutants whose code changed; the
 * command runner cannot tell Stryker which cases changed, so a change to anything else the cases
 * depend on (any `.ts` under `modules/` outside the mutated files) forces a full run, as does
 * `--force`. Reports: `reports/mutation/<module>/index.html` (Stryker's) and `scores.json`.
 * Exits 1 when a mutant that `equivalent_mutants.ts` does not list survives, or a listed one no
 * longer survives.
 *
 * @module
 */
import { findModule, listRegions, type ModuleInfo, MODULES } from "@tinytorch/course";
import { repositoryRoot } from "../../grader/paths.ts";
import { EQUIVALENT_MUTANTS } from "./equivalent_mutants.ts";
import {
  type JudgedMutant,
  judgeMutants,
  type MutateRange,
  mutateRanges,
  type MutationReport,
  reportDir,
  scoreTasks,
  staleEquivalents,
  STRYKER,
  strykerConfig,
  type TaskScore,
} from "./mutation_plan.ts";

const root = repositoryRoot();
const args = [...Deno.args];
const force = args.includes("--force");
const at = args.indexOf("--module");
const modules: readonly ModuleInfo[] = at >= 0 ? [findModule(args[at + 1] ?? "")] : MODULES;

async function rangesOf(module: ModuleInfo): Promise<MutateRange[]> {
  const files = [...new Set((await listRegions(`${root}/${module.dir}`)).map((r) => r.file))];
  const ranges: MutateRange[] = [];
  for (const f of files) {
    const file = `${module.dir}/${f}`;
    ranges.push(...mutateRanges(file, await Deno.readTextFile(`${root}/${file}`)));
  }
  return ranges;
}

async function* tsFiles(dir: string, prefix: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    const rel = `${prefix}/${e.name}`;
    if (e.isDirectory) yield* tsFiles(`${dir}/${e.name}`, rel);
    else if (e.name.endsWith(".ts")) yield rel;
  }
}

/** SHA-256 of what the cases depend on besides the mutated files (see the module doc). */
async function casesHash(mutated: ReadonlySet<string>): Promise<string> {
  const files = [".maintainer/mutation/run_cases.ts"];
  for await (const f of tsFiles(`${root}/modules`, "modules")) if (!mutated.has(f)) files.push(f);
  const parts = [];
  for (const f of files.sort()) parts.push(f, await Deno.readTextFile(`${root}/${f}`));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\0")));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readText(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return "";
    throw error;
  }
}

interface ModuleRun {
  readonly module: string;
  readonly seconds: number;
  readonly full: boolean;
  readonly scores: TaskScore[];
  readonly mutants: JudgedMutant[];
  readonly files: Set<string>;
}

async function runModule(module: ModuleInfo): Promise<ModuleRun> {
  const dir = `${root}/${reportDir(module.name)}`;
  await Deno.mkdir(dir, { recursive: true });
  const ranges = await rangesOf(module);
  const files = new Set(ranges.map((r) => r.file));
  const hash = await casesHash(files);
  const full = force || (await readText(`${dir}/cases.sha256`)).trim() !== hash;
  const problemLog = `${dir}/problems.log`;
  await Deno.remove(problemLog).catch(() => {});
  const config = `${dir}/stryker.config.json`;
  await Deno.writeTextFile(
    config,
    JSON.stringify(strykerConfig(module, ranges, { deno: Deno.execPath(), problemLog }), null, 2),
  );
  console.log(
    `== ${module.name}: ${ranges.length} regions in ${files.size} files` +
      (full ? " (full run: the cases or given code changed, or --force)" : " (incremental)"),
  );
  const started = performance.now();
  const { code } = await new Deno.Command("npx", {
    args: ["-y", "-p", STRYKER, "stryker", "run", config, ...(full ? ["--force"] : [])],
    cwd: root,
    stdin: "null",
  }).spawn().status;
  const seconds = Math.round((performance.now() - started) / 1000);
  const problems = await readText(problemLog);
  if (code !== 0 || problems) {
    throw new Error(`Stryker failed on ${module.name} (exit ${code})\n${problems}`);
  }
  await Deno.writeTextFile(`${dir}/cases.sha256`, hash + "\n");
  const report: MutationReport = JSON.parse(await Deno.readTextFile(`${dir}/mutation.json`));
  const mutants = judgeMutants(report, EQUIVALENT_MUTANTS);
  const scores = scoreTasks(module.tasks.map((t) => t.id), mutants);
  await Deno.writeTextFile(
    `${dir}/scores.json`,
    JSON.stringify({ module: module.name, seconds, full, scores }, null, 2) + "\n",
  );
  return { module: module.name, seconds, full, scores, mutants, files };
}

const runs: ModuleRun[] = [];
for (const m of modules) runs.push(await runModule(m));

console.log("\ntask              mutants  killed  timeout  equivalent  survived  other  score");
for (const s of runs.flatMap((r) => r.scores)) {
  console.log(
    `${s.task.padEnd(16)} ${String(s.mutants).padStart(8)} ${String(s.killed).padStart(7)} ${
      String(s.timedOut).padStart(8)
    } ${String(s.equivalent).padStart(11)} ${String(s.survived).padStart(9)} ${
      String(s.other).padStart(6)
    } ${s.score.toFixed(2).padStart(6)}%`,
  );
}
for (const r of runs) {
  console.log(`${r.module}: ${r.seconds} s (${r.full ? "full" : "incremental"})`);
}

const survivors = runs.flatMap((r) => r.mutants).filter((m) =>
  (m.status === "Survived" || m.status === "NoCoverage") && !m.equivalent
);
for (const m of survivors) {
  console.log(
    `✗ survived ${m.task} ${m.file}:${m.lineNumber} ${m.mutator}: ${m.original} → ${m.replacement}`,
  );
}
const mutated = new Set(runs.flatMap((r) => [...r.files]));
const stale = staleEquivalents(EQUIVALENT_MUTANTS, runs.flatMap((r) => r.mutants), mutated);
for (const e of stale) {
  console.log(`✗ listed as equivalent but not a survivor: ${e.task} ${e.file} "${e.line}"`);
}
if (survivors.length > 0 || stale.length > 0) Deno.exit(1);
console.log("every non-equivalent mutant is killed");
