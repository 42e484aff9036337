import assert from "node:assert/strict";
import { DEMO } from "../_fixture_course.ts";
import { feedbackMarkdown } from "./feedback.ts";
import { gradesCsv } from "./grades_csv.ts";
import { toGradescope } from "./gradescope_results.ts";
import { reportHtml } from "./report_html.ts";
import type { CaseResult, SubmissionResult } from "../result.ts";
import { scoreTasks } from "../score.ts";

function result(student: string, cases: CaseResult[]): SubmissionResult {
  const { tasks, score, maxScore } = scoreTasks(DEMO, cases);
  return {
    schema: 1,
    student,
    module: "demo",
    status: "graded",
    score,
    maxScore,
    tasks,
    cases,
    notes: [],
    fingerprint: "f",
    gradedAt: "2025-01-01T00:00:00.000Z",
    seconds: 1.5,
  };
}

const pass = (task: string, name: string, hidden = false): CaseResult => ({
  task,
  name,
  hidden,
  passed: true,
});
const fail = (task: string, name: string, hidden: boolean, message: string): CaseResult => ({
  task,
  name,
  hidden,
  passed: false,
  kind: "wrong-answer",
  message,
});

const ben = result("ben, jr.", [
  pass("demo.1", "a"),
  fail("demo.1", "b", false, "got 1, want 2"),
  fail("demo.1", "secret input 42", true, "got 41, want 42"),
  pass("demo.2", "c"),
  {
    task: "demo.3",
    name: "d",
    hidden: false,
    passed: false,
    kind: "time-limit",
    message: "took longer than 5 s",
  },
]);

Deno.test("grader: scores are points × passed / total per task", () => {
  assert.deepEqual(ben.tasks.map((t) => [t.id, t.score, t.passed, t.total]), [
    ["demo.1", 3.33, 1, 3],
    ["demo.2", 20, 1, 1],
    ["demo.3", 0, 0, 1],
  ]);
  assert.equal(ben.score, 23.33);
  assert.equal(ben.maxScore, 40);
});

Deno.test("grader: feedback shows visible failures and only counts hidden ones", () => {
  const md = feedbackMarkdown(ben);
  assert.match(md, /^# demo: 23\.33 \/ 40/);
  assert.match(md, /✗ \*\*b\*\* \(wrong answer\): got 1, want 2/);
  assert.match(md, /Hidden cases: 0 of 1 passed \(1 wrong answer\)/);
  assert.match(md, /✗ \*\*d\*\* \(time limit\): took longer than 5 s/);
  assert.ok(!md.includes("secret input"), "a hidden case's name is never shown");
  assert.ok(!md.includes("41"), "nor its values");
});

Deno.test("grader: Gradescope results have one test per task with partial scores", () => {
  const gs = toGradescope(ben);
  assert.equal(gs.score, 23.33);
  assert.deepEqual(gs.tests.map((t) => [t.name, t.score, t.max_score, t.status]), [
    ["demo.1: Add", 3.33, 10, "failed"],
    ["demo.2: Scale", 20, 20, "passed"],
    ["demo.3: Total", 0, 10, "failed"],
  ]);
  assert.ok(gs.tests.every((t) => t.visibility === "visible"));
  assert.ok(!JSON.stringify(gs).includes("secret input"));
});

Deno.test("grader: grades.csv quotes what needs quoting", () => {
  assert.equal(
    gradesCsv(DEMO, [ben]),
    'student,module,score,max,demo.1,demo.2,demo.3,status\n"ben, jr.",demo,23.33,40,3.33,20,0,graded\n',
  );
});

Deno.test("grader: a student's name or a submission's message cannot inject a formula, markup or a fence", () => {
  const evil = result('=HYPERLINK("http://x")\u202E', [
    fail("demo.1", "a", false, "</details>*x* [link](http://x)"),
  ]);
  const csv = gradesCsv(DEMO, [evil]).split("\n")[1];
  assert.ok(csv.startsWith(`"'=HYPERLINK(""http://x"")\uFFFD",`), csv);
  const md = feedbackMarkdown({ ...evil, typeErrors: "x\n```\n# escaped?" });
  assert.ok(!md.includes("\u202E"));
  assert.match(md, /\\<\/details\\>\\\*x\\\* \\\[link\\\]/);
  assert.match(md, /````text\nx\n```\n# escaped\?\n````/);
});

Deno.test("grader: the class report has a histogram and per-case pass rates, lowest first", () => {
  const ada = result("<ada>", [
    pass("demo.1", "a"),
    pass("demo.1", "b"),
    pass("demo.1", "secret input 42", true),
    pass("demo.2", "c"),
    pass("demo.3", "d"),
  ]);
  const html = reportHtml(DEMO, [ben, ada]);
  assert.equal((html.match(/<svg /g) ?? []).length, 2);
  assert.ok(html.includes("&#60;ada&#62;") && !html.includes("<ada>"), "names are escaped");
  const rates = [...html.matchAll(/>(demo\.\d [^<]*)<\/text>/g)].map((m) => m[1]);
  assert.deepEqual(rates, [
    "demo.1 b",
    "demo.1 secret input 42 (hidden)",
    "demo.3 d",
    "demo.1 a",
    "demo.2 c",
  ]);
  assert.match(html, /50% \(1\/2\)/);
});

Deno.test("grader: hostile names come out inert in CSV, HTML and Markdown", () => {
  const names = [
    '"quoted", with commas',
    "two\nlines\rand a return",
    "<script>alert(1)</script>",
    "bidi \u202Eevil\u202C and \u2066isolates\u2069",
    "=cmd|' /C calc'!A0",
    "x".repeat(10_000),
  ];
  const results = names.map((n) =>
    result(n, [fail("demo.1", "a", false, "<img src=x onerror=1>")])
  );
  const csv = gradesCsv(DEMO, results);
  const rows = csv.trim().split("\n");
  // Quoted cells may hold line breaks: count records by parsing, not by lines.
  const records = csv.match(/(?:"(?:[^"]|"")*"|[^,\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\n]*))*\n/g) ?? [];
  assert.equal(records.length, names.length + 1, rows.join("\n").slice(0, 300));
  assert.ok(!/(^|\n)=/.test(csv), "no cell starts a formula");
  const html = reportHtml(DEMO, results);
  assert.ok(!html.includes("<script>") && !html.includes("<img"), "no live markup");
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(html), "no bidi controls");
  for (const r of results) {
    const md = feedbackMarkdown(r);
    // Markdown shows an escaped `\<img` as text: only an unescaped `<` could start markup.
    assert.ok(!/(^|[^\\])<(script|img)/.test(md), md.slice(0, 200));
    assert.ok(!/[\u202A-\u202E\u2066-\u2069\r]/.test(md));
    assert.ok(md.length < 30_000, "a 10 kB name is shown once, cut if needed");
  }
});
