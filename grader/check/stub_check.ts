import { gitFiles } from "../release/git_files.ts";
import {
  expectedObservation,
  expectsReference,
  listRegions,
  type ModuleInfo,
  MODULES,
  renderDirectory,
  renderStub,
} from "@tinytorch/course";
import { type JunitCase, parseJunit } from "@tinytorch/tito/junit";
import { loadCatalog } from "../catalog.ts";
import { referenceObservations } from "../grading_context.ts";
import { weakCustomChecks } from "./trivial_outputs.ts";
import { type CommandResult, runDeno } from "../deno_process.ts";

/** How one task fared in the stub check. */
export interface TaskVerdict {
  /** The task id. */
  readonly task: string;
  /** Number of cases the task has. */
  readonly cases: number;
  /** Cases that passed on the reference. */
  readonly passedOnReference: number;
  /** Cases that failed on the rendered stub. */
  readonly failedOnStub: number;
}

/** The outcome of {@linkcode checkStubs}. */
export interface StubCheckReport {
  /** Region ids without a registry task, tasks without regions, regions in the wrong module. */
  readonly regionProblems: string[];
  /** `deno check`, `deno lint` and `deno fmt --check` on the rendered tree (failed ones only). */
  readonly staticProblems: string[];
  /** One verdict per registry task. */
  readonly tasks: TaskVerdict[];
  /** Custom checks, visible or hidden, that an output of a trivial non-solution passes. */
  readonly weakChecks: string[];
  /** Whether everything holds. */
  readonly ok: boolean;
}

/**
 * Copies the repository's tracked and untracked-but-not-ignored files to `dest`.
 *
 * @param root The repository.
 * @param dest An empty directory.
 */
export async function copyRepository(root: string, dest: string): Promise<void> {
  for (const file of await gitFiles(root, { untracked: true })) {
    const target = `${dest}/${file}`;
    await Deno.mkdir(target.slice(0, target.lastIndexOf("/")), { recursive: true });
    try {
      await Deno.copyFile(`${root}/${file}`, target);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
}

/**
 * A stub's lint header names every rule an emptied body may trigger; in a stub tree (and a
 * student release) the lint config therefore excludes `ban-unused-ignore`.
 *
 * @param root The stub tree.
 */
export async function allowStubLintHeaders(root: string): Promise<void> {
  const path = `${root}/deno.json`;
  const config = JSON.parse(await Deno.readTextFile(path));
  const rules = config.lint.rules ??= {};
  rules.exclude = [...new Set([...(rules.exclude ?? []), "ban-unused-ignore"])];
  await Deno.writeTextFile(path, JSON.stringify(config, null, 2) + "\n");
}

/**
 * The case test files of the course: `<module dir>/cases_test.ts` of each module that has one.
 *
 * @param root The repository.
 * @param modules The course.
 * @returns Paths relative to `root`.
 */
export async function caseTestFiles(
  root: string,
  modules: readonly ModuleInfo[],
): Promise<string[]> {
  const files: string[] = [];
  for (const m of modules) {
    try {
      await Deno.stat(`${root}/${m.dir}/cases_test.ts`);
      files.push(`${m.dir}/cases_test.ts`);
    } catch {
      // a module without cases yet: the region check reports its tasks
    }
  }
  return files;
}

async function runCases(cwd: string, files: string[], filter?: string): Promise<JunitCase[]> {
  if (files.length === 0) return [];
  const junit = await Deno.makeTempFile({ suffix: ".xml" });
  const only = filter ? [`--filter=${filter}`] : [];
  try {
    await runDeno(["test", "-A", "--no-check", `--junit-path=${junit}`, ...only, ...files], cwd);
    return parseJunit(await Deno.readTextFile(junit));
  } finally {
    await Deno.remove(junit);
  }
}

function problemOf(label: string, r: CommandResult): string[] {
  return r.code === 0 ? [] : [`${label} failed:\n${(r.stderr + r.stdout).trim().slice(0, 4000)}`];
}

async function regionProblems(stubRoot: string, modules: readonly ModuleInfo[]) {
  const problems: string[] = [];
  const rendered = new Set<string>();
  for (const m of modules) {
    for (
      const r of await renderDirectory(`${stubRoot}/${m.dir}`, { lesson: `${m.dir}/README.md` })
    ) {
      if (!r.task.startsWith(`${m.name}.`)) {
        problems.push(`${m.dir}/${r.file}:${r.line} holds "${r.task}"`);
      }
      if (!m.tasks.some((t) => t.id === r.task)) {
        problems.push(`region "${r.task}" has no registry task`);
      }
      rendered.add(r.task);
    }
  }
  // Test fixtures (a `testdata/` folder, e.g. tito's fixture course) may hold regions of their own.
  const inModule = (file: string) =>
    modules.some((m) => file.startsWith(`${m.dir}/`)) || /(^|\/)testdata\//.test(file);
  for (const r of (await listRegions(stubRoot)).filter((r) => !inModule(r.file))) {
    problems.push(`region "${r.task}" at ${r.file}:${r.line} lies outside every module folder`);
  }
  for (const t of modules.flatMap((m) => m.tasks)) {
    if (!rendered.has(t.id)) problems.push(`task "${t.id}" has no region`);
  }
  return problems;
}

/**
 * Stubs one task at a time in a pristine copy and runs only that task's cases there, so a case
 * that passes without its own task (failing only because another task is stubbed) is caught.
 */
async function casesOnOneTaskStubs(
  copy: string,
  modules: readonly ModuleInfo[],
): Promise<JunitCase[]> {
  const results: JunitCase[] = [];
  for (const m of modules) {
    const files = await caseTestFiles(copy, [m]);
    const regions = await listRegions(`${copy}/${m.dir}`);
    for (const t of m.tasks) {
      const paths = [...new Set(regions.filter((r) => r.task === t.id).map((r) => r.file))]
        .map((f) => `${copy}/${m.dir}/${f}`);
      const originals = await Promise.all(paths.map((p) => Deno.readTextFile(p)));
      await Promise.all(
        paths.map((p, i) => Deno.writeTextFile(p, renderStub(originals[i], { only: t.id }))),
      );
      results.push(...await runCases(copy, files, `/^${t.id.replace(".", "\\.")} /`));
      await Promise.all(paths.map((p, i) => Deno.writeTextFile(p, originals[i])));
    }
  }
  return results;
}

/**
 * Tries every custom check of every module, visible and hidden, on trivial outputs (see
 * {@linkcode weakCustomChecks}), judged against the reference's output.
 *
 * @param root The repository.
 * @param modules The course.
 * @returns One line per check that lets a trivial output through.
 */
export async function weakChecksOf(
  root: string,
  modules: readonly ModuleInfo[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const m of modules) {
    const catalog = await loadCatalog(root, m.name, modules);
    if (!catalog.entries.some((e) => e.case.compare?.custom)) continue;
    const reference = await referenceObservations(root, catalog);
    const wants = await Promise.all(
      catalog.entries.map((e, i) =>
        expectsReference(e.case) ? reference[i] : expectedObservation(e.case)
      ),
    );
    problems.push(...weakCustomChecks(catalog, reference, wants));
  }
  return problems;
}

function verdicts(
  modules: readonly ModuleInfo[],
  ref: JunitCase[],
  stub: JunitCase[],
): TaskVerdict[] {
  const of = (list: JunitCase[], task: string) => list.filter((c) => c.name.startsWith(`${task} `));
  return modules.flatMap((m) => m.tasks).map((t) => ({
    task: t.id,
    cases: of(ref, t.id).length,
    passedOnReference: of(ref, t.id).filter((c) => c.status === "passed").length,
    failedOnStub: of(stub, t.id).filter((c) => c.status === "failed").length,
  }));
}

/**
 * Proves on a temporary copy of the repository that (a) the fully rendered stub tree
 * type-checks, lints and is formatted, (b) every case of every task passes on the reference and
 * fails when only that task is stubbed, and (c) region ids and registry tasks match one to one.
 *
 * @param root The repository.
 * @param modules The course; default the registry.
 * @returns The report; the temporary folder is removed.
 */
export async function checkStubs(
  root: string,
  modules: readonly ModuleInfo[] = MODULES,
): Promise<StubCheckReport> {
  const stubRoot = await Deno.makeTempDir({ prefix: "tinytorch-stubs-" });
  try {
    await copyRepository(root, stubRoot);
    const files = await caseTestFiles(root, modules);
    const reference = await runCases(root, files);
    const oneTaskStubs = await casesOnOneTaskStubs(stubRoot, modules);
    const regions = await regionProblems(stubRoot, modules);
    await allowStubLintHeaders(stubRoot);
    const staticProblems = [
      ...problemOf("deno check", await runDeno(["check"], stubRoot)),
      ...problemOf(
        "deno lint",
        await runDeno(["lint"], stubRoot),
      ),
      ...problemOf("deno fmt --check", await runDeno(["fmt", "--check"], stubRoot)),
    ];
    const tasks = verdicts(modules, reference, oneTaskStubs);
    const weakChecks = await weakChecksOf(root, modules);
    const tasksOk = tasks.every((t) =>
      t.cases > 0 && t.passedOnReference === t.cases && t.failedOnStub === t.cases
    );
    return {
      regionProblems: regions,
      staticProblems,
      tasks,
      weakChecks,
      ok: regions.length === 0 && staticProblems.length === 0 && tasksOk && weakChecks.length === 0,
    };
  } finally {
    await Deno.remove(stubRoot, { recursive: true });
  }
}
