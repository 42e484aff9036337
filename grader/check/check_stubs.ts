// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task check:stubs`: renders the course into a temporary folder and checks the stubs.
 *
 * @module
 */
import { repositoryRoot } from "../paths.ts";
import { checkStubs } from "./stub_check.ts";

const root = repositoryRoot();
const started = performance.now();
const report = await checkStubs(root);

for (const p of [...report.regionProblems, ...report.staticProblems, ...report.weakChecks]) {
  console.error(`✗ ${p}`);
}
for (const t of report.tasks) {
  const ok = t.cases > 0 && t.passedOnReference === t.cases && t.failedOnStub === t.cases;
  console.log(
    `${ok ? "✓" : "✗"} ${
      t.task.padEnd(16)
    } ${t.cases} cases: ${t.passedOnReference} pass on the reference, ${t.failedOnStub} fail on the stub`,
  );
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(report.ok ? `stub check passed (${seconds} s)` : `stub check FAILED (${seconds} s)`);
if (!report.ok) Deno.exit(1);
