// deno-lint-ignore-file no-console -- the instructor's command line: printing is its job
/**
 * `deno task grade <command>`: the instructor's grader.
 *
 * - `release --out <dir> [--solutions <modules>]`: write the student repository;
 * - `autograde --module <m> [--submissions <dir>] [--out <dir>] [--jobs N] [--timeout <s>] …`;
 * - `check [--module <m>]`: reference scores full marks, stub scores 0, hidden cases fail on it;
 * - `bench [--size N] [--jobs N]`: grade a generated class under each isolation mode;
 * - `gradescope --module <m> [--out <zip>]`: a Gradescope autograder bundle (under `reports/`).
 *
 * @module
 */
import { Command } from "commander";
import { action, type ErrorStyle, runCommandLine } from "@tinytorch/tito/command_action";
import { findModule, MODULES } from "@tinytorch/course";
import { autogradeCommand, type AutogradeFlags, isolationOf } from "./cli_autograde.ts";
import { checkModule } from "./check/check_module.ts";
import { buildGradescopeBundle, defaultBundlePath } from "./release/gradescope_bundle.ts";
import { repositoryRoot } from "./paths.ts";
import { release } from "./release/release.ts";
import { classBench } from "./samples/class_bench.ts";
import { classBenchLines, classBenchPassed } from "./samples/class_bench_report.ts";
import { removeLiveSandboxes } from "./sandbox/sandbox.ts";

const root = repositoryRoot();

/** The grader's errors: `grade: <message>` on standard error, exit code 1. */
const GRADE_ERRORS: ErrorStyle = {
  failure: (error) => ({
    message: `grade: ${error instanceof Error ? error.message : error}`,
    exitCode: 1,
  }),
  print: (failure) => console.error(failure.message),
};

function run<A extends unknown[]>(work: (...args: A) => Promise<number>) {
  return action(work, GRADE_ERRORS);
}

/**
 * Runs a command that builds sandboxes and has no graceful stop of its own: SIGINT or SIGTERM
 * removes the sandboxes it left and exits 130 or 143.
 */
async function removingSandboxesOnSignal(work: () => Promise<number>): Promise<number> {
  const stop = (signal: Deno.Signal) => () => {
    removeLiveSandboxes();
    Deno.exit(signal === "SIGTERM" ? 143 : 130);
  };
  const handlers = [["SIGINT", stop("SIGINT")], ["SIGTERM", stop("SIGTERM")]] as const;
  for (const [signal, handler] of handlers) Deno.addSignalListener(signal, handler);
  try {
    return await work();
  } finally {
    for (const [signal, handler] of handlers) Deno.removeSignalListener(signal, handler);
  }
}

function check(options: { module?: string; isolation?: string }): Promise<number> {
  return removingSandboxesOnSignal(() => checkModules(options));
}

async function checkModules(options: { module?: string; isolation?: string }): Promise<number> {
  const modules = options.module ? [findModule(options.module)] : MODULES;
  const isolation = isolationOf(options.isolation);
  let failed = 0;
  for (const m of modules) {
    const started = performance.now();
    const report = await checkModule(root, m.name, { isolation });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const line of report.lines) console.log(`  ${line}`);
    console.log(`${report.ok ? "✓" : "✗"} ${m.name}: ${report.summary} (${seconds} s)`);
    if (!report.ok) failed++;
  }
  console.log(failed === 0 ? "grade check passed" : `grade check FAILED for ${failed} module(s)`);
  return failed === 0 ? 0 : 1;
}

async function benchCommand(options: { size?: string; jobs?: string }): Promise<number> {
  const size = options.size === undefined ? 200 : Number(options.size);
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  for (const [flag, v] of [["--size", size], ["--jobs", jobs]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) {
      throw new RangeError(`Cannot use ${flag} ${v}: give a positive whole number`);
    }
  }
  const report = await classBench({
    root,
    size,
    jobs,
    onProgress: (mode, done, total) => {
      if (done % 25 === 0 || done === total) console.error(`  ${mode}: ${done}/${total}`);
    },
    onPhase: (phase) => console.error(`  ${phase}…`),
  });
  for (const line of classBenchLines(report)) console.log(line);
  await Deno.mkdir(`${root}/reports`, { recursive: true });
  const file = `${root}/reports/grade_bench.json`;
  const { modes, resume: { scores: _, ...resume }, ...rest } = report;
  const json = {
    date: new Date().toISOString(),
    ...rest,
    modes: modes.map(({ scores: _, ...m }) => m),
    resume,
  };
  await Deno.writeTextFile(file, JSON.stringify(json, null, 2) + "\n");
  console.log(`wrote ${file}`);
  return classBenchPassed(report) ? 0 : 1;
}

async function releaseCommand(options: { out: string; solutions?: string }): Promise<number> {
  const solutions = (options.solutions ?? "").split(",").map((s) => s.trim()).filter(Boolean)
    .map((s) => findModule(s).name);
  const report = await release({ root, out: options.out, solutions });
  console.log(
    `Wrote the student repository to ${options.out}: ${report.files} files, ` +
      `${report.regions} task regions rendered as stubs` +
      (solutions.length ? `, reference copies of ${solutions.join(", ")} in .tito/reference/` : ""),
  );
  return 0;
}

async function gradescopeCommand(options: { module: string; out?: string }): Promise<number> {
  const module = findModule(options.module);
  const out = options.out ?? defaultBundlePath(root, module.name);
  const bytes = await buildGradescopeBundle({ root, module: module.name, out });
  console.log(
    `Wrote ${out} (${bytes} bytes): the Gradescope autograder for ${module.name}. It holds the ` +
      `hidden cases and the reference: upload it to Gradescope, never commit or share it.`,
  );
  return 0;
}

function program(): Command {
  const cli = new Command("grade").description("TinyTorch instructor grader").exitOverride();
  cli.command("release").description(
    "write the student repository (stubs, no grader, no solutions)",
  )
    .requiredOption("--out <dir>", "where to write it (must not exist or be empty)")
    .option(
      "--solutions <modules>",
      "comma-separated modules whose reference goes to .tito/reference/",
    )
    .action(run(releaseCommand));
  cli.command("autograde").description("grade a class's submissions of one module")
    .requiredOption("--module <name|number>", "the module")
    .option(
      "--submissions <dir>",
      "folder of submissions (default: the sample class, quantization only)",
    )
    .option("--out <dir>", "output folder (default reports/grades/<module>)")
    .option("--jobs <n>", "submissions graded at once (default: number of cores)")
    .option("--timeout <s>", "seconds per submission (default 60)")
    .option("--case-timeout <s>", "seconds per case (default 5)")
    .option("--memory <MiB>", "resident memory cap per child (default 1024)")
    .option("--only <student>", "grade one student")
    .option("--force", "re-grade students that already have a result")
    .option("--no-type-check", "skip deno check (type errors are feedback only)")
    .option(
      "--isolation <mode>",
      "os (bubblewrap namespaces and cgroup caps; the default where it works) or process",
    )
    .action(run((o: AutogradeFlags) => autogradeCommand(root, o)));
  cli.command("check").description(
    "reference full marks, stub 0, every hidden case fails on the stub",
  )
    .option("--module <name|number>", "one module (default: all)")
    .option("--isolation <mode>", "os (the default where bubblewrap works) or process")
    .action(run(check));
  cli.command("bench").description(
    "grade a generated class under each isolation mode: throughput, memory, overhead",
  )
    .option("--size <n>", "submissions in the class (default 200)")
    .option("--jobs <n>", "submissions graded at once (default: number of cores)")
    .action(run(benchCommand));
  cli.command("gradescope").description("build a Gradescope autograder zip for one module")
    .requiredOption("--module <name|number>", "the module")
    .option("--out <file>", "the zip to write (default reports/gradescope/<module>-autograder.zip)")
    .action(run(gradescopeCommand));
  return cli;
}

const code = await runCommandLine(program(), Deno.args, { style: GRADE_ERRORS });
removeLiveSandboxes();
Deno.exit(code);
