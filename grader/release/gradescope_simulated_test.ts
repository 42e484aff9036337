/**
 * The Gradescope bundle run the way Gradescope runs it: the bundle unpacked to
 * `/autograder/source`, a submission in `/autograder/submission`, `setup.sh` and then
 * `run_autograder`, inside bubblewrap with `/autograder` and `/root` bound from a temporary folder
 * (not the real `/`), the system read-only and no network. Deno and its npm cache are given to the
 * image, as Gradescope's set-up would have installed them, so nothing is downloaded.
 *
 * @module
 */
import assert from "node:assert/strict";
import { buildGradescopeBundle } from "./gradescope_bundle.ts";
import { readZip } from "../intake/zip_reader.ts";
import { repositoryRoot } from "../paths.ts";
import type { CaseSet } from "@tinytorch/course";

const root = repositoryRoot();
const decoder = new TextDecoder();

async function bwrapRuns(): Promise<boolean> {
  try {
    const args = ["--unshare-all", "--ro-bind", "/", "/", "--proc", "/proc", "true"];
    return (await new Deno.Command("bwrap", { args, stderr: "null" }).output()).code === 0;
  } catch {
    return false;
  }
}

async function denoDir(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"] }).output();
  return JSON.parse(decoder.decode(out.stdout)).denoDir;
}

/** Runs a command in the simulated Gradescope container (no network, system read-only). */
async function inContainer(sim: string, command: string[]): Promise<Deno.CommandOutput> {
  const deno = await Deno.realPath(Deno.execPath());
  const args = [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    ...["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"],
    ...["--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib"],
    ...["--symlink", "usr/lib64", "/lib64"],
    ...["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"],
    ...["--bind", `${sim}/autograder`, "/autograder", "--bind", `${sim}/root`, "/root"],
    ...["--ro-bind", deno, "/opt/deno/bin/deno"],
    ...["--ro-bind", `${await denoDir()}/npm`, "/root/.cache/deno/npm"],
    "--clearenv",
    ...["--setenv", "PATH", "/opt/deno/bin:/usr/bin:/bin", "--setenv", "HOME", "/root"],
    ...["--setenv", "NO_COLOR", "1", "--chdir", "/autograder"],
    ...command,
  ];
  return await new Deno.Command("bwrap", { args, stdout: "piped", stderr: "piped" }).output();
}

const VISIBILITY = ["hidden", "after_due_date", "after_published", "visible"];
const FORMATS = ["text", "html", "simple_format", "md", "ansi"];
const TOP_KEYS = [
  "score",
  "execution_time",
  "output",
  "output_format",
  "test_output_format",
  "test_name_format",
  "visibility",
  "stdout_visibility",
  "extra_data",
  "tests",
  "leaderboard",
];
const TEST_KEYS = [
  "score",
  "max_score",
  "status",
  "name",
  "name_format",
  "number",
  "output",
  "output_format",
  "tags",
  "visibility",
  "extra_data",
];

/**
 * Problems of a results.json against Gradescope's documented format (autograder_samples
 * `docs/specs.md`): known keys only, the types and enumerations, and scores within their maximum.
 */
function schemaProblems(r: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  for (const k of Object.keys(r)) check(TOP_KEYS.includes(k), `unknown key ${k}`);
  check(typeof r.score === "number" && Number.isFinite(r.score), "score is a finite number");
  check(typeof r.execution_time === "number", "execution_time is a number");
  check(typeof r.output === "string", "output is a string");
  for (const k of ["output_format", "test_output_format"]) {
    check(r[k] === undefined || FORMATS.includes(r[k] as string), `${k} is a format`);
  }
  for (const k of ["visibility", "stdout_visibility"]) {
    check(VISIBILITY.includes(r[k] as string), `${k} is a visibility`);
  }
  check(Array.isArray(r.tests) && r.tests.length > 0, "tests is a non-empty array");
  for (const [i, t] of ((r.tests ?? []) as Record<string, unknown>[]).entries()) {
    for (const k of Object.keys(t)) check(TEST_KEYS.includes(k), `tests[${i}]: unknown key ${k}`);
    check(typeof t.name === "string" && t.name !== "", `tests[${i}].name is a non-empty string`);
    check(typeof t.number === "string", `tests[${i}].number is a string`);
    check(typeof t.output === "string", `tests[${i}].output is a string`);
    check(["passed", "failed"].includes(t.status as string), `tests[${i}].status`);
    check(VISIBILITY.includes(t.visibility as string), `tests[${i}].visibility`);
    check(FORMATS.includes(t.output_format as string), `tests[${i}].output_format`);
    const [score, max] = [t.score, t.max_score] as number[];
    check(Number.isFinite(score) && Number.isFinite(max), `tests[${i}] scores are numbers`);
    check(score >= 0 && score <= max, `tests[${i}]: 0 <= score ${score} <= max_score ${max}`);
    check((t.status === "passed") === (score === max), `tests[${i}]: passed iff full score`);
  }
  const sum = ((r.tests ?? []) as { score: number }[]).reduce((s, t) => s + t.score, 0);
  check(Math.abs(sum - (r.score as number)) < 0.02, `score ${r.score} is the tests' sum ${sum}`);
  return problems;
}

/** Every text a student can see in the results: the overall output and each visible test. */
function studentVisibleText(r: { output: string; tests: Record<string, string>[] }): string {
  const visible = r.tests.filter((t) => t.visibility !== "hidden");
  return [r.output, ...visible.flatMap((t) => [t.name, t.output])].join("\n");
}

Deno.test({
  name: "grader: the Gradescope bundle runs as Gradescope runs it, offline, and writes a valid " +
    "results.json that shows no hidden case",
  ignore: !(await bwrapRuns()),
  async fn() {
    const sim = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-gradescope-" }));
    try {
      await buildGradescopeBundle({ root, module: "quantization", out: `${sim}/autograder.zip` });
      for (const e of readZip(await Deno.readFile(`${sim}/autograder.zip`))) {
        const path = `${sim}/autograder/source/${e.path}`;
        await Deno.mkdir(path.replace(/\/[^/]*$/, ""), { recursive: true });
        await Deno.writeFile(path, e.data, { mode: e.path === "setup.sh" ? 0o755 : 0o644 });
      }
      await Deno.mkdir(`${sim}/autograder/submission`);
      await Deno.mkdir(`${sim}/autograder/results`);
      await Deno.mkdir(`${sim}/root/.cache/deno/npm`, { recursive: true });
      await Deno.copyFile(
        `${root}/grader/examples/ben_partial.tar.gz`,
        `${sim}/autograder/submission/ben_partial.tar.gz`,
      );
      const setup = await inContainer(sim, ["bash", "/autograder/source/setup.sh"]);
      assert.equal(setup.code, 0, decoder.decode(setup.stderr));
      // Gradescope copies run_autograder next to source/ and runs it from there.
      await Deno.copyFile(
        `${sim}/autograder/source/run_autograder`,
        `${sim}/autograder/run_autograder`,
      );
      const run = await inContainer(sim, ["bash", "/autograder/run_autograder"]);
      const log = decoder.decode(run.stdout) + decoder.decode(run.stderr);
      assert.equal(run.code, 0, log);
      assert.match(
        log,
        /grading with --isolation process/,
        "bubblewrap does not nest: one warning",
      );

      const results = JSON.parse(await Deno.readTextFile(`${sim}/autograder/results/results.json`));
      assert.deepEqual(schemaProblems(results), []);
      assert.equal(results.score, 51.82, "ben_partial's score in the sample class");
      assert.equal(results.stdout_visibility, "hidden");

      const text = studentVisibleText(results);
      const hidden = await import(`${root}/grader/hidden/quantization/hidden.ts`);
      const names = (hidden.default as CaseSet<unknown>[]).flatMap((s) => Object.keys(s.cases));
      assert.ok(names.length > 5);
      for (const name of names) assert.ok(!text.includes(name), `hidden case "${name}" is shown`);
      assert.match(text, /Hidden cases: \d+ of \d+ passed/, "hidden cases count in the score");
    } finally {
      await Deno.remove(sim, { recursive: true });
    }
  },
});
