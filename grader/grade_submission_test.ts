import assert from "node:assert/strict";
import { DEMO_MODULES, demoSubmission, demoTask, fixtureCourse } from "./_fixture_course.ts";
import { feedbackMarkdown } from "./report/feedback.ts";
import { gradeSubmission } from "./grade_submission.ts";
import { type GradingContext, prepareGrading } from "./grading_context.ts";
import type { Limits } from "./sandbox/limits.ts";
import type { SubmissionResult } from "./result.ts";

const root = await fixtureCourse();
const base = await prepareGrading(root, "demo", { modules: DEMO_MODULES, typeCheck: false });

function context(limits: Partial<Limits> = {}, typeCheck = false): GradingContext {
  return { ...base, limits: { ...base.limits, ...limits }, typeCheck };
}

async function grade(
  changes: Record<string, string>,
  limits: Partial<Limits> = {},
  typeCheck = false,
): Promise<SubmissionResult> {
  const files = demoSubmission(changes);
  const { result } = await gradeSubmission(context(limits, typeCheck), {
    student: "s",
    fingerprint: "f",
    files,
  });
  return result;
}

function kinds(r: SubmissionResult): string[] {
  return r.cases.map((c) => `${c.task} ${c.name}: ${c.passed ? "passed" : c.kind}`);
}

Deno.test("grader: the reference scores full marks, a reference expectation included", async () => {
  const r = await grade({});
  assert.equal(r.status, "graded");
  assert.equal(r.score, 40);
  assert.equal(r.cases.length, 8);
  assert.ok(r.cases.every((c) => c.passed));
});

Deno.test("grader: a hang and a crash cost only their own cases", async () => {
  const r = await grade(
    Object.fromEntries([
      demoTask("demo.1", "if (a === 1) throw new Error('boom');\n  return a + b;"),
      demoTask("demo.2", "while (values.length >= 0) k++;\n  return [];"),
    ]),
    { caseTimeoutMs: 400 },
  );
  assert.deepEqual(kinds(r), [
    "demo.1 1 + 2: wrong-answer",
    "demo.1 -1 + 1: passed",
    "demo.2 doubles: time-limit",
    "demo.2 by zero: time-limit",
    "demo.3 sum: passed",
    "demo.3 empty: passed",
    "demo.1 hidden add: passed",
    "demo.2 hidden scale: time-limit",
  ]);
  assert.equal(r.status, "graded");
  assert.equal(r.score, 16.67);
});

/*
 * Limits are raced only when they stand orders of magnitude apart: the memory hog reaches 400 MiB
 * in well under a second, its case timeout is 60 s, so a loaded machine cannot turn it into a
 * time limit.
 */
Deno.test("grader: a memory hog and a crashing process cost only their own cases", async () => {
  const r = await grade(
    Object.fromEntries([
      demoTask(
        "demo.1",
        "if (a === 1) {\n    return new Promise(() => setTimeout(() => { throw new Error('late'); })) as unknown as number;\n  }\n  return a + b;",
      ),
      demoTask(
        "demo.3",
        "const keep: Float64Array[] = [];\n  for (;;) keep.push(new Float64Array(1 << 20).fill(1));",
      ),
    ]),
    { caseTimeoutMs: 60_000, memoryMb: 400 },
  );
  assert.deepEqual(kinds(r).filter((k) => /demo\.[13] /.test(k)), [
    "demo.1 1 + 2: crashed",
    "demo.1 -1 + 1: passed",
    "demo.3 sum: memory-limit",
    "demo.3 empty: memory-limit",
    "demo.1 hidden add: passed",
  ]);
});

Deno.test("grader: a flood of output is cut off and counted against the case", async () => {
  const r = await grade(
    Object.fromEntries([demoTask("demo.3", 'for (;;) console.log("x".repeat(10000));')]),
    { outputBytes: 1 << 20 },
  );
  const sum = r.cases.find((c) => c.name === "sum");
  assert.equal(sum?.kind, "output-limit");
  assert.match(sum?.message ?? "", /wrote more than 1 MiB of output/);
  assert.equal(r.score, 30);
});

Deno.test("grader: exhausting the JS heap is a memory limit", async () => {
  const r = await grade(
    Object.fromEntries([
      demoTask(
        "demo.3",
        "const keep: number[][] = [];\n  for (;;) keep.push(new Array(1e5).fill(values.length + 0.5));",
      ),
    ]),
    { heapMb: 128, memoryMb: 8192 },
  );
  const sum = r.cases.find((c) => c.name === "sum");
  assert.equal(sum?.kind, "memory-limit");
  assert.match(sum?.message ?? "", /heap/);
});

Deno.test("grader: the submission's time budget stops everything after it", async () => {
  const r = await grade(
    Object.fromEntries([demoTask("demo.1", "for (;;) a++;")]),
    // The budget is far above a load (so the loop, not the load, uses it up, however slow the
    // machine) and far below the case limit (so the budget, not the case limit, stops it).
    { caseTimeoutMs: 120_000, timeoutMs: 6000, loadTimeoutMs: 5500 },
  );
  assert.ok(r.cases.every((c) => !c.passed && c.kind === "time-limit"));
  assert.match(r.cases[2].message ?? "", /not reached/);
});

Deno.test("grader: a load that outlasts the submission's budget names the budget", async () => {
  const r = await grade({ "mod.ts": 'for (;;) {}\nexport * from "./add.ts";\n' }, {
    timeoutMs: 700,
  });
  assert.equal(r.status, "load-error");
  assert.ok(r.cases.every((c) => c.kind === "time-limit"));
  assert.match(
    r.cases[0].message ?? "",
    /while loading the module: the submission's 0\.7 s ran out/,
  );
});

Deno.test("grader: the reference run ignores the submissions' limits", async () => {
  const tight = { timeoutMs: 50, caseTimeoutMs: 50, loadTimeoutMs: 50 };
  const ctx = await prepareGrading(root, "demo", {
    modules: DEMO_MODULES,
    typeCheck: false,
    limits: tight,
  });
  assert.deepEqual(ctx.wants, base.wants, "the hidden reference expectation was computed");
  assert.equal(ctx.limits.timeoutMs, 50, "submissions still get the tight limits");
});

Deno.test("grader: wrong answers and stubs are told apart; errors name the problem", async () => {
  const r = await grade(Object.fromEntries([
    demoTask("demo.1", "return a - b;"),
    demoTask("demo.2", 'throw new TypeError("nope");'),
    demoTask("demo.3", 'throw Object.assign(new Error("x"), { name: "NotImplementedError" });'),
  ]));
  const one = r.cases[0];
  assert.equal(one.kind, "wrong-answer");
  assert.match(one.message ?? "", /got -1, want 3/);
  assert.match(r.cases[2].message ?? "", /threw TypeError: nope/);
  assert.equal(r.cases[4].kind, "not-attempted");
});

Deno.test("grader: a syntax error scores 0 as a load error; a type error is feedback only", async () => {
  const broken = await grade({ "add.ts": "export function add(a: number, b: number) {\n" });
  assert.equal(broken.status, "load-error");
  assert.equal(broken.score, 0);
  assert.ok(broken.cases.every((c) => c.kind === "compile-error"));
  assert.match(broken.notes.join("\n"), /does not load/);
  const typed = await grade(
    Object.fromEntries([
      demoTask("demo.1", "const s: string = a + b;\n  return s as unknown as number;"),
    ]),
    {},
    true,
  );
  assert.equal(typed.score, 40);
  assert.match(typed.typeErrors ?? "", /TS2322/);
  assert.match(typed.typeErrors ?? "", /modules\/demo\/add\.ts/);
});

Deno.test("grader: Deno.exit at import is a load error, never a pass", async () => {
  const r = await grade({ "mod.ts": 'Deno.exit(0);\nexport * from "./add.ts";\n' });
  assert.equal(r.status, "load-error");
  assert.equal(r.score, 0);
  assert.ok(r.cases.every((c) => /Deno\.exit\(\) is not available/.test(c.message ?? "")));
});

Deno.test("grader: reading outside the sandbox is a forbidden access", async () => {
  const r = await grade(Object.fromEntries([
    demoTask("demo.1", 'Deno.readTextFileSync("/etc/hostname");\n  return a + b;'),
  ]));
  assert.equal(r.cases[0].kind, "forbidden");
  assert.match(r.cases[0].message ?? "", /NotCapable/);
});

Deno.test("grader: the submission cannot read the hidden cases, the harness or the entry", async () => {
  const add = `export async function add(a: number, b: number) {
  if (a !== 1 && a !== 3) return a + b;
  const seen: string[] = [];
  for (const file of ["grader/hidden/demo/hidden.ts", "_grader/worker_entry.ts", "_grader/harness.ts"]) {
    try {
      seen.push(Deno.readTextFileSync(file));
    } catch (error) {
      seen.push((error as Error).name);
    }
  }
  const up = (...parts: string[]) => ["..", "..", ...parts].join("/");
  try {
    seen.push(JSON.stringify((await import(up("grader", "hidden", "demo", "hidden.ts"))).default));
  } catch (error) {
    seen.push((error as Error).name);
  }
  const visible = await import(up("modules", "demo", "cases", "mod.ts"));
  seen.push(JSON.stringify(visible.cases));
  try {
    const harness = await import(up("_grader", "harness_worker.ts"));
    await harness.runWorker({ visible: [], hidden: [] });
  } catch (error) {
    seen.push((error as Error).message);
  }
  if (a === 3) throw new Error(seen.join(" | "));
  return seen.join(" | ");
}
`;
  const { result } = await gradeSubmission(context(), {
    student: "s",
    fingerprint: "f",
    files: demoSubmission({ "add.ts": add }),
  });
  const message = result.cases[0].message ?? "";
  assert.match(
    message,
    /got "NotCapable \| NotCapable \| NotCapable \| TypeError \| \[\] \| The harness runs once"/,
  );
  const shown = JSON.stringify(result.cases.filter((c) => !c.hidden)) + feedbackMarkdown(result);
  for (const secret of ["hidden add", "hidden scale", "defineCases", "reference", "run:"]) {
    assert.ok(!shown.includes(secret), `${secret} reached the feedback`);
  }
  const hidden = result.cases.find((c) => c.name === "hidden add");
  assert.equal(hidden?.passed, false);
  assert.match(
    hidden?.message ?? "",
    /NotCapable \| NotCapable \| NotCapable \| \[\] \|/,
  );
  assert.ok(
    !feedbackMarkdown(result).includes("NotCapable | [] |"),
    "a hidden message reached the feedback",
  );
});

Deno.test("grader: allowed npm packages load under the narrow read permission", async () => {
  const r = await grade({
    "add.ts": `import { add as plus } from "mathjs";
import { strToU8 } from "fflate";
export function add(a: number, b: number): number {
  return (plus(a, b) as number) + strToU8("").length;
}
`,
  });
  assert.equal(r.status, "graded");
  assert.equal(r.score, 40);
});

Deno.test("grader: an unreadable submission becomes a result, not an exception", async () => {
  const { result } = await gradeSubmission(context(), {
    student: "x",
    fingerprint: "",
    error: "Cannot read the submission: bad zip",
  });
  assert.equal(result.status, "unreadable");
  assert.equal(result.score, 0);
  assert.deepEqual(result.notes, ["Cannot read the submission: bad zip"]);
});

Deno.test("grader: fixture cleanup", async () => {
  await Deno.remove(root, { recursive: true });
});
