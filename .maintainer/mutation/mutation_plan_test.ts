import assert from "node:assert/strict";
import { TENSOR } from "../../modules/course/registry/tensor.ts";
import {
  type EquivalentMutant,
  judgeMutants,
  mutantTasks,
  mutateRanges,
  type MutationReport,
  scoreTasks,
  staleEquivalents,
  strykerConfig,
} from "./mutation_plan.ts";

const SOURCE = [
  "export function f(x: number): number {", // 1
  "  // #region solution demo.1", // 2
  "  return x + 1;", // 3
  "  // #endregion", // 4
  "}", // 5
  "export function g(x: number): number {", // 6
  "  // #region solution demo.2", // 7
  "  const y = x * 2;", // 8
  "  return y - 1;", // 9
  "  // #endregion", // 10
  "}", // 11
].join("\n");

Deno.test("mutation: the ranges are the region bodies, without the markers", () => {
  assert.deepEqual(mutateRanges("m/f.ts", SOURCE), [
    { task: "demo.1", file: "m/f.ts", first: 3, last: 3 },
    { task: "demo.2", file: "m/f.ts", first: 8, last: 9 },
  ]);
});

Deno.test("mutation: the configuration mutates only the ranges and runs the command runner", () => {
  const config = strykerConfig(TENSOR, mutateRanges("modules/tensor/f.ts", SOURCE), {
    deno: "/opt/deno it's",
    problemLog: "/tmp/p.log",
  });
  assert.deepEqual(config.mutate, ["modules/tensor/f.ts:3-3", "modules/tensor/f.ts:8-9"]);
  assert.equal(config.testRunner, "command");
  assert.equal(config.coverageAnalysis, "off");
  assert.equal(config.incremental, true);
  assert.equal(
    (config.commandRunner as { command: string }).command,
    `'/opt/deno it'\\''s' run -A .maintainer/mutation/run_cases.ts tensor '/tmp/p.log'`,
  );
});

Deno.test("mutation: a mutant's task is the region its switch lies in", () => {
  const instrumented = [
    "function f(x) {",
    "  // #region solution demo.1",
    '  return stryMutAct_9fa48("0") ? x - 1 : (stryCov_9fa48("0"), x + 1);',
    "  // #endregion",
    "}",
    'const outside = stryMutAct_9fa48("9");',
    "function g(x) {",
    "  // #region solution demo.2",
    '  const y = stryMutAct_9fa48("1") ? x / 2 : stryMutAct_9fa48("2") ? 0 : x * 2;',
    "  // #endregion",
    "}",
  ].join("\n");
  assert.deepEqual(
    [...mutantTasks(instrumented)],
    [["0", "demo.1"], ["1", "demo.2"], ["2", "demo.2"]],
  );
});

const REPORT: MutationReport = {
  files: {
    "m/f.ts": {
      source: SOURCE,
      mutants: [
        {
          id: "0",
          mutatorName: "ArithmeticOperator",
          replacement: "x - 1",
          status: "Killed",
          location: { start: { line: 3, column: 10 }, end: { line: 3, column: 15 } },
        },
        {
          id: "1",
          mutatorName: "ArithmeticOperator",
          replacement: "x / 2",
          status: "Survived",
          location: { start: { line: 8, column: 13 }, end: { line: 8, column: 18 } },
        },
        {
          id: "2",
          mutatorName: "ArithmeticOperator",
          replacement: "y + 1",
          status: "Survived",
          location: { start: { line: 9, column: 10 }, end: { line: 9, column: 15 } },
        },
        {
          id: "3",
          mutatorName: "BlockStatement",
          replacement: "{}",
          status: "Timeout",
          location: { start: { line: 9, column: 3 }, end: { line: 9, column: 16 } },
        },
      ],
    },
  },
};

const EQUIVALENT: EquivalentMutant = {
  task: "demo.2",
  file: "m/f.ts",
  line: "const y = x * 2;",
  mutator: "ArithmeticOperator",
  original: "x * 2",
  replacement: "x / 2",
  why: "a test of the matcher",
};

Deno.test("mutation: judged mutants carry their task, code and equivalence", () => {
  const judged = judgeMutants(REPORT, [EQUIVALENT]);
  assert.deepEqual(judged.map((m) => [m.task, m.lineNumber, m.original, m.status]), [
    ["demo.1", 3, "x + 1", "Killed"],
    ["demo.2", 8, "x * 2", "Survived"],
    ["demo.2", 9, "return y - 1;", "Timeout"],
    ["demo.2", 9, "y - 1", "Survived"],
  ]);
  assert.equal(judged[1].equivalent, EQUIVALENT);
  assert.equal(judged[3].equivalent, undefined);
});

Deno.test("mutation: the score counts timeouts as detected and leaves equivalents out", () => {
  const scores = scoreTasks(["demo.1", "demo.2", "demo.3"], judgeMutants(REPORT, [EQUIVALENT]));
  assert.deepEqual(scores.map((s) => [s.task, s.mutants, s.equivalent, s.survived, s.score]), [
    ["demo.1", 1, 0, 0, 100],
    ["demo.2", 3, 1, 1, 50],
    ["demo.3", 0, 0, 0, 100],
  ]);
});

Deno.test("mutation: an equivalence entry that matches no survivor is stale", () => {
  const other = { ...EQUIVALENT, replacement: "x + 2" };
  const judged = judgeMutants(REPORT, [EQUIVALENT, other]);
  assert.deepEqual(staleEquivalents([EQUIVALENT, other], judged, new Set(["m/f.ts"])), [other]);
  assert.deepEqual(staleEquivalents([other], judged, new Set(["m/g.ts"])), []);
});
