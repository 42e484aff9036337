import { type ModuleInfo, MODULES, renderStub } from "@tinytorch/course";
import type { Catalog } from "../catalog.ts";
import { runDenoIsolated } from "../deno_process.ts";
import { gradeSubmission } from "../grade_submission.ts";
import { type GradingContext, prepareGrading, type PrepareOptions } from "../grading_context.ts";
import { fromFileUrl } from "../paths.ts";
import type { SubmissionResult } from "../result.ts";
import { isSubmittable } from "../sandbox/sandbox.ts";

/** The outcome of {@linkcode checkModule}. */
export interface CheckReport {
  /** Whether every check held. */
  readonly ok: boolean;
  /** One line: reference and stub scores, hidden cases. */
  readonly summary: string;
  /** Per-task lines and problems. */
  readonly lines: readonly string[];
}

interface GraphModule {
  readonly specifier: string;
  readonly dependencies?: readonly { readonly code?: { readonly specifier?: string } }[];
}

/**
 * Files of the graded module (outside its `cases/`) that the case files load at run time. The
 * harness imports the cases before the submission, so this must be empty: otherwise submission
 * code would run before the cases are captured.
 *
 * @param root The repository.
 * @param catalog The module's cases.
 * @returns Offending files, relative to the repository.
 */
export async function caseRuntimeImports(root: string, catalog: Catalog): Promise<string[]> {
  const roots = [catalog.visibleFile, ...catalog.hiddenFiles];
  const graphs = await Promise.all(roots.map(async (file) => {
    const info = await runDenoIsolated(["info", "--json", "--no-lock", file], {
      cwd: root,
      timeoutMs: 60_000,
      memoryMb: 2048,
    });
    if (info.code !== 0) throw new Error(`deno info ${file} failed: ${info.stderr.slice(0, 500)}`);
    return JSON.parse(info.stdout) as { roots: string[]; modules: GraphModule[] };
  }));
  const offending = new Set<string>();
  const moduleDir = `${root}/${catalog.module.dir}/`;
  for (const graph of graphs) {
    const bySpecifier = new Map(graph.modules.map((m) => [m.specifier, m]));
    const seen = new Set<string>();
    const queue = [...graph.roots];
    while (queue.length > 0) {
      const specifier = queue.pop()!;
      if (seen.has(specifier)) continue;
      seen.add(specifier);
      if (specifier.startsWith("file:")) {
        const path = fromFileUrl(specifier);
        if (path.startsWith(moduleDir) && !path.startsWith(`${moduleDir}cases/`)) {
          offending.add(path.slice(root.length + 1));
        }
      }
      for (const d of bySpecifier.get(specifier)?.dependencies ?? []) {
        if (d.code?.specifier) queue.push(d.code.specifier);
      }
    }
  }
  return [...offending].sort();
}

async function referenceFiles(root: string, module: ModuleInfo): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string, prefix: string) => {
    for await (const e of Deno.readDir(dir)) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory) await walk(`${dir}/${e.name}`, rel);
      else if (e.isFile && isSubmittable(rel)) {
        files.set(rel, await Deno.readTextFile(`${dir}/${e.name}`));
      }
    }
  };
  await walk(`${root}/${module.dir}`, "");
  return files;
}

function encoded(files: Map<string, string>): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map([...files].map(([p, t]) => [p, encoder.encode(t)]));
}

function stubbed(files: Map<string, string>, only?: string): Map<string, Uint8Array> {
  return encoded(new Map([...files].map(([p, t]) => [p, renderStub(t, only ? { only } : {})])));
}

async function grade(ctx: GradingContext, student: string, files: Map<string, Uint8Array>) {
  return (await gradeSubmission(ctx, { student, fingerprint: student, files })).result;
}

function referenceProblems(r: SubmissionResult): string[] {
  const problems = r.cases.filter((c) => !c.passed).map((c) =>
    `reference fails ${c.hidden ? "hidden" : "visible"} case "${c.task} ${c.name}": ${c.message}`
  );
  if (r.status !== "graded") problems.push(`reference: ${r.status}: ${r.notes.join("; ")}`);
  if (r.typeErrors) problems.push(`reference has type errors:\n${r.typeErrors}`);
  return problems;
}

function taskLine(
  ctx: GradingContext,
  task: string,
  stub: SubmissionResult,
  one: SubmissionResult,
) {
  const mine = ctx.catalog.entries.filter((e) => e.task === task);
  const hidden = mine.filter((e) => e.hidden).length;
  const passing = (r: SubmissionResult) =>
    r.cases.filter((c) => c.task === task && c.passed).map((c) => `"${c.name}"`);
  const onStub = passing(stub);
  const alone = passing(one);
  const ok = mine.length > 0 && onStub.length === 0 && alone.length === 0;
  const detail = [
    ...(mine.length === 0 ? ["no cases"] : []),
    ...(onStub.length ? [`pass on the stub: ${onStub.join(", ")}`] : []),
    ...(alone.length ? [`pass with only ${task} stubbed: ${alone.join(", ")}`] : []),
  ];
  const head = `${ok ? "✓" : "✗"} ${task}: ${
    mine.length - hidden
  } visible + ${hidden} hidden cases`;
  return { ok, line: detail.length ? `${head}; ${detail.join("; ")}` : head };
}

/**
 * `grade check` for one module, through the real grading pipeline: the case files load no module
 * code at run time; the reference, submitted like a student's files, scores full marks with no
 * type errors; the untouched stub scores 0 with every case (visible and hidden) failing; and each
 * task's cases fail when only that task is stubbed.
 *
 * @param root The repository.
 * @param moduleRef A module name or number.
 * @param options Limits, registry.
 * @returns The report.
 */
export async function checkModule(
  root: string,
  moduleRef: string,
  options: PrepareOptions & { readonly modules?: readonly ModuleInfo[] } = {},
): Promise<CheckReport> {
  const ctx = await prepareGrading(root, moduleRef, {
    ...options,
    modules: options.modules ?? MODULES,
  });
  const module = ctx.catalog.module;
  const problems = (await caseRuntimeImports(root, ctx.catalog)).map((f) =>
    `the case files import ${f} at run time (only types may come from the module)`
  );
  const files = await referenceFiles(root, module);
  const reference = await grade(ctx, "reference", encoded(files));
  problems.push(...referenceProblems(reference));
  const stub = await grade(ctx, "stub", stubbed(files));
  if (stub.score !== 0) problems.push(`the stub scores ${stub.score}, not 0`);
  const quick: GradingContext = { ...ctx, typeCheck: false };
  const lines: string[] = [];
  let tasksOk = true;
  for (const t of module.tasks) {
    const one = await grade(quick, `stub-${t.id}`, stubbed(files, t.id));
    const { ok, line } = taskLine(ctx, t.id, stub, one);
    tasksOk &&= ok;
    lines.push(line);
  }
  const hidden = ctx.catalog.entries.filter((e) => e.hidden).length;
  const ok = problems.length === 0 && tasksOk;
  return {
    ok,
    summary:
      `reference ${reference.score}/${reference.maxScore}, stub ${stub.score}/${stub.maxScore}, ` +
      `${ctx.catalog.entries.length - hidden} visible + ${hidden} hidden cases`,
    lines: [...problems.map((p) => `✗ ${p}`), ...lines],
  };
}
