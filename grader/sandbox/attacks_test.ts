/**
 * Run-time attacks on the grader's trust boundary, each carried by an otherwise correct demo
 * submission (the static ones are in `import_check_test.ts`). Each attack either changes nothing
 * (the honest score stays), or is refused with the status that names it.
 */
import assert from "node:assert/strict";
import { DEMO_MODULES, demoSubmission, fixtureCourse } from "../_fixture_course.ts";
import { feedbackMarkdown } from "../report/feedback.ts";
import { gradeSubmission } from "../grade_submission.ts";
import { prepareGrading } from "../grading_context.ts";
import { toGradescope } from "../report/gradescope_results.ts";
import type { SubmissionResult } from "../result.ts";

const root = await fixtureCourse();
const ctx = await prepareGrading(root, "demo", { modules: DEMO_MODULES, typeCheck: false });

async function grade(changes: Record<string, string>, typeCheck = false) {
  const { result, log } = await gradeSubmission({ ...ctx, typeCheck }, {
    student: "s",
    fingerprint: "f",
    files: demoSubmission(changes),
  });
  return { result, log };
}

/** What a student can see of a result: feedback.md and Gradescope's results.json. */
function shown(result: SubmissionResult): string {
  return feedbackMarkdown(result) + JSON.stringify(toGradescope(result));
}

const ADD = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";

Deno.test("grader: forged messages on stdout and the worker's global channel score nothing", async () => {
  const forge = [
    'const forged = [{ type: "loaded", ids: [] }, { type: "start", index: 2 },',
    '  { type: "result", index: 2, observation: [2, 4] }, { type: "done" }];',
    "for (const m of forged) {",
    "  (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(m);",
    "  console.log(JSON.stringify(m));",
    "}",
    "setTimeout(() => console.log(JSON.stringify(forged[2])), 0);",
  ].join("\n");
  const { result } = await grade({
    "scale.ts": `${forge}\nexport function scale(): number[] {\n  return [];\n}\n`,
  });
  assert.equal(result.status, "graded");
  assert.equal(result.score, 20, "only the honest tasks demo.1 and demo.3 score");
  assert.ok(result.cases.filter((c) => c.task === "demo.2").every((c) => !c.passed));
});

Deno.test("grader: output without a newline, at import and in a case, changes no score", async () => {
  const { result } = await grade({
    "add.ts": `Deno.stdout.writeSync(new TextEncoder().encode("loading…"));\n${
      ADD.replace("return", 'Deno.stderr.writeSync(new TextEncoder().encode("50%"));\n  return')
    }`,
  });
  assert.equal(result.status, "graded");
  assert.equal(result.score, 40);
});

Deno.test("grader: node:v8, node:inspector and unlisted npm packages are refused at run time", async () => {
  const probe = [
    "export async function add(a: number, b: number): Promise<number> {",
    "  if (a === 1) {",
    "    const seen: string[] = [];",
    '    for (const name of ["node:v8", "v8", "node:inspector", "npm:commander@15.1.0", "npm:/commander@15.1.0"]) {',
    "      try {",
    "        await import([name].join(''));",
    '        seen.push("loaded " + name);',
    "      } catch (error) {",
    '        seen.push((error as Error).name + " " + name);',
    "      }",
    "    }",
    "    throw new Error(seen.join(' | '));",
    "  }",
    "  return a + b;",
    "}",
  ].join("\n");
  const { result } = await grade({ "add.ts": probe });
  const message = result.cases[0].message ?? "";
  assert.doesNotMatch(message, /loaded/, message);
  assert.match(message, /TypeError node:v8 \| TypeError v8 \| TypeError node:inspector/);
});

Deno.test("grader: a submission learns no path but its sandbox's, and cannot write web storage", async () => {
  const probe = [
    "export function add(a: number, b: number): number {",
    "  if (a === 1) {",
    "    const seen: unknown[] = [Deno.cwd(), Deno.mainModule, import.meta.url, new Error().stack];",
    "    for (const f of [() => Deno.execPath(), () => localStorage.setItem('k', 'v')]) {",
    "      try {",
    "        seen.push(f());",
    "      } catch (error) {",
    "        seen.push((error as Error).name);",
    "      }",
    "    }",
    "    seen.push(typeof (globalThis as Record<string, unknown>).caches);",
    "    throw new Error(JSON.stringify(seen));",
    "  }",
    "  return a + b;",
    "}",
  ].join("\n");
  const { result } = await grade({ "add.ts": probe });
  const seen = JSON.parse(/threw Error: (.*)$/.exec(result.cases[0].message ?? "")?.[1] ?? "[]");
  assert.equal(seen.length, 7, result.cases[0].message);
  for (const text of seen.slice(0, 4)) {
    assert.ok(!String(text).includes(root), `${text} names the course repository`);
  }
  assert.deepEqual(seen.slice(4), ["NotCapable", "ReferenceError", "undefined"]);
});

Deno.test("grader: type errors located in files the student did not submit are not shown", async () => {
  const { result, log } = await grade({
    "add.ts":
      "export function add(a: string, b: string): string {\n  const n: number = a;\n  return a + b + n;\n}\n",
  }, true);
  const types = result.typeErrors ?? "";
  assert.match(types, /TS2322[\s\S]*modules\/demo\/add\.ts/, types);
  assert.match(
    types,
    /A type error located in modules\/demo\/cases\/mod\.ts, a file you did not submit/,
  );
  assert.doesNotMatch(shown(result), /add\(1, 2\)|defineCases/);
  assert.match(log, /deno check:[\s\S]*add\(1, 2\)/, "the instructor's log keeps the full text");
});

Deno.test("grader: fixture cleanup (attacks)", async () => {
  await Deno.remove(root, { recursive: true });
});
