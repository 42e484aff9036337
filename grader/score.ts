import { asError, judge, type ModuleInfo, type Observation } from "@tinytorch/course";
import type { CaseEntry } from "./catalog.ts";
import type { CaseOutcome } from "./sandbox/case_runner.ts";
import type { CaseResult, TaskResult } from "./result.ts";

const FORBIDDEN = /^(NotCapable|PermissionDenied)$/;
const REQUIRES = /Requires (read|write|net|env|run|ffi|sys|import) access/;

/**
 * Judges one case in the trusted parent: the child's observation against the expectation. A
 * comparison that throws on malformed data counts as a wrong answer.
 *
 * @param entry The case.
 * @param want The expected observation.
 * @param outcome What the child reported.
 * @returns The verdict.
 */
export function judgeCase(entry: CaseEntry, want: Observation, outcome: CaseOutcome): CaseResult {
  const base = { task: entry.task, name: entry.name, hidden: entry.hidden };
  if ("failure" in outcome) return { ...base, passed: false, ...outcome.failure };
  const got = outcome.observation;
  let problem: string | null;
  try {
    problem = judge(entry.case, got, want);
  } catch (error) {
    problem = `the result could not be checked: ${error instanceof Error ? error.message : error}`;
  }
  if (problem === null) return { ...base, passed: true };
  const error = asError(got);
  if (error?.name === "NotImplementedError") {
    return { ...base, passed: false, kind: "not-attempted", message: error.message };
  }
  if (error && (FORBIDDEN.test(error.name) || REQUIRES.test(error.message))) {
    return {
      ...base,
      passed: false,
      kind: "forbidden",
      message: `${error.name}: ${error.message}`,
    };
  }
  return { ...base, passed: false, kind: "wrong-answer", message: problem };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Scores each task of a module as `points × passed / total` over its visible and hidden cases.
 *
 * @param module The module.
 * @param cases The verdicts.
 * @returns Task scores in registry order, and the total.
 */
export function scoreTasks(
  module: ModuleInfo,
  cases: readonly CaseResult[],
): { tasks: TaskResult[]; score: number; maxScore: number } {
  const tasks = module.tasks.map((t) => {
    const mine = cases.filter((c) => c.task === t.id);
    const passed = mine.filter((c) => c.passed).length;
    const score = mine.length === 0 ? 0 : round2((t.points * passed) / mine.length);
    return { id: t.id, title: t.title, points: t.points, score, passed, total: mine.length };
  });
  return {
    tasks,
    score: round2(tasks.reduce((s, t) => s + t.score, 0)),
    maxScore: module.tasks.reduce((s, t) => s + t.points, 0),
  };
}
