import assert from "node:assert/strict";
import { MODULES } from "@tinytorch/course";
import { DEMO_MODULES, fixtureCourse } from "../_fixture_course.ts";
import { repositoryRoot } from "../paths.ts";
import { CATALOGUE } from "./catalogue.ts";
import { applyMistake, checkMistakes } from "./check_mistakes.ts";
import { defineMistakes, type Mistake } from "./mistake.ts";

const root = repositoryRoot();

const SOURCE = [
  "export function f(x: number): number {",
  "  // #region solution demo.1",
  "  return x + 1;",
  "  // #endregion",
  "}",
  "export const g = (x: number) => x + 1 + 0;",
].join("\n");

const mistake = (search: string, replace: string, task = "demo.1"): Mistake => ({
  id: "m",
  task,
  title: "t",
  source: "lesson",
  file: "f.ts",
  search,
  replace,
  caughtBy: "c",
});

Deno.test("grader: applyMistake() patches text inside the task's region only", () => {
  const files = new Map([["f.ts", SOURCE]]);
  assert.deepEqual(applyMistake(files, mistake("return x + 1;", "return x - 1;")), {
    text: SOURCE.replace("return x + 1;", "return x - 1;"),
  });
  assert.deepEqual(applyMistake(files, mistake("x + 1", "x - 1")), {
    problem: "its text occurs more than once in f.ts",
  });
  assert.deepEqual(applyMistake(files, mistake("+ 0;", "+ 1;")), {
    problem: "its text lies outside the regions of demo.1",
  });
  assert.deepEqual(applyMistake(files, mistake("return x + 1;", "return 0;", "demo.2")), {
    problem: "its text lies outside the regions of demo.2",
  });
  assert.deepEqual(applyMistake(files, mistake("return y;", "return 0;")), {
    problem: "its text is not in f.ts",
  });
  assert.deepEqual(applyMistake(new Map(), mistake("a", "b")), { problem: "f.ts does not exist" });
});

Deno.test("grader: defineMistakes() rejects a repeated id and a task of another module", () => {
  assert.throws(
    () => defineMistakes("demo", [mistake("a", "b"), mistake("c", "d")]),
    /listed twice/,
  );
  assert.throws(() => defineMistakes("other", [mistake("a", "b")]), /patches task demo\.1/);
});

Deno.test("grader: checkMistakes() names the cases that catch a mistake, visible and hidden", async () => {
  const course = await fixtureCourse();
  try {
    const base = { title: "t", source: "lesson" as const, file: "add.ts" };
    const verdicts = await checkMistakes(course, "demo", [
      {
        ...base,
        id: "minus",
        task: "demo.1",
        search: "a + b",
        replace: "a - b",
        caughtBy: "1 + 2",
      },
      { ...base, id: "swap", task: "demo.1", search: "a + b", replace: "b + a", caughtBy: "1 + 2" },
      {
        ...base,
        id: "wrong",
        task: "demo.1",
        search: "a + b",
        replace: "a + b + (a > 0 ? 1 : 0)",
        caughtBy: "-1 + 1",
      },
      { ...base, id: "none", task: "demo.1", search: "a + b", replace: "a", caughtBy: "no such" },
    ], { modules: DEMO_MODULES });
    const summary = verdicts.map((v) => ({
      id: v.mistake.id,
      ok: v.ok,
      visible: v.visible.map((c) => c.name),
      hidden: v.hidden.map((c) => c.name),
      problem: v.problem,
    }));
    assert.deepEqual(summary, [
      {
        id: "minus",
        ok: true,
        visible: ["1 + 2", "-1 + 1"],
        hidden: ["hidden add"],
        problem: undefined,
      },
      { id: "swap", ok: false, visible: [], hidden: [], problem: undefined },
      {
        id: "wrong",
        ok: false,
        visible: ["1 + 2"],
        hidden: ["hidden add"],
        problem: undefined,
      },
      {
        id: "none",
        ok: false,
        visible: [],
        hidden: [],
        problem: 'demo.1 has no visible case "no such"',
      },
    ]);
  } finally {
    await Deno.remove(course, { recursive: true });
  }
});

async function visibleCases(): Promise<Map<string, Set<string>>> {
  const names = new Map<string, Set<string>>();
  for (const m of MODULES) {
    const { cases } = await import(new URL(`../../${m.dir}/cases/mod.ts`, import.meta.url).href);
    for (const set of cases as { task: string; cases: Record<string, unknown> }[]) {
      names.set(set.task, new Set(Object.keys(set.cases)));
    }
  }
  return names;
}

Deno.test("grader: every catalogued mistake applies to the reference and names a visible case", async () => {
  const names = await visibleCases();
  const problems: string[] = [];
  for (const set of CATALOGUE) {
    const dir = MODULES.find((m) => m.name === set.module)!.dir;
    for (const m of set.mistakes) {
      const files = new Map([[m.file, await Deno.readTextFile(`${root}/${dir}/${m.file}`)]]);
      const applied = applyMistake(files, m);
      if ("problem" in applied) problems.push(`${m.id}: ${applied.problem}`);
      if (!names.get(m.task)?.has(m.caughtBy)) {
        problems.push(`${m.id}: ${m.task} has no visible case "${m.caughtBy}"`);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(CATALOGUE.flatMap((s) => s.mistakes).length >= 40, "at least 40 mistakes");
});

/** The `task` "case" pairs a lesson's "Common mistakes" list names, bullet by bullet. */
function lessonMistakes(readme: string): { task: string; case: string }[][] {
  const section = /^## Common mistakes\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  const bullets = section.split(/\n(?=- )/).filter((b) => b.startsWith("- "));
  return bullets.map((b) => {
    const text = b.replace(/\n\s*/g, " ");
    const named: { task: string; case: string }[] = [];
    let task = "";
    for (const m of text.matchAll(/`([a-z]+\.\d+)`|"([^"]+)"/g)) {
      if (m[1]) task = m[1];
      else named.push({ task, case: m[2] });
    }
    return named;
  });
}

Deno.test("grader: each lesson's common mistakes name visible cases that check:mistakes proves", async () => {
  const names = await visibleCases();
  const proven = new Set(
    CATALOGUE.flatMap((s) => s.mistakes.map((m) => `${m.task} ${m.caughtBy}`)),
  );
  const problems: string[] = [];
  for (const m of MODULES) {
    const bullets = lessonMistakes(await Deno.readTextFile(`${root}/${m.dir}/README.md`));
    if (bullets.length === 0) problems.push(`${m.dir}/README.md has no common mistakes`);
    bullets.forEach((named, i) => {
      if (named.length === 0) problems.push(`${m.dir}/README.md mistake ${i + 1} names no case`);
      for (const n of named) {
        if (!names.get(n.task)?.has(n.case)) {
          problems.push(`${m.dir}/README.md: ${n.task} has no visible case "${n.case}"`);
        } else if (!proven.has(`${n.task} ${n.case}`)) {
          problems.push(`${m.dir}/README.md: no catalogued mistake is caught by "${n.case}"`);
        }
      }
    });
  }
  assert.deepEqual(problems, []);
});
