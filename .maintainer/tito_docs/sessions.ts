/**
 * The transcripts of `docs/tito.md`, each run in a fresh copy of tito's fixture course: `adder`
 * (01: `add`, `double`) and `scaler` (02: `sumScaled`, built on `add`), and milestone 01.
 *
 * @module
 */
import type { Edit, Session, Step } from "./transcript.ts";

const ADD = "modules/adder/add.ts";
const DOUBLE = "modules/adder/double.ts";
const SCALE = "modules/scaler/scale.ts";
const stub = (task: string) => `throw new NotImplementedError("${task}");`;
const write = (file: string, task: string, body: string): Edit => ({
  file,
  from: stub(task),
  to: body,
});
const tito = (...args: string[]): Step => ({ tito: args });
/** A step whose output the document shows elsewhere: only its first line. */
const brief = (...args: string[]): Step => ({ tito: args, brief: true });

/** Every session, by name. */
export const SESSIONS: readonly Session[] = [
  { name: "module-list", steps: [tito("module", "list", "--tasks")] },
  {
    name: "start-refuses",
    steps: [
      {
        note: `you change ${ADD} (return b + a;) and commit it`,
        edit: { file: ADD, from: "return a + b;", to: "return b + a;" },
      },
      { sh: 'git commit -qam "my add"' },
      tito("module", "start", "1"),
      tito("module", "start", "1", "--force"),
    ],
  },
  { name: "complete-reference", steps: [tito("module", "complete", "1")] },
  {
    name: "status-module",
    steps: [
      brief("module", "start", "1"),
      {
        note: `you write add in ${ADD}: return a + b;`,
        edit: write(ADD, "adder.1", "return a + b;"),
      },
      tito("module", "status", "1"),
      tito("module", "status"),
    ],
  },
  {
    name: "reset",
    steps: [
      brief("module", "start", "1"),
      {
        note: `you write add in ${ADD}: return a - b;`,
        edit: write(ADD, "adder.1", "return a - b;"),
      },
      tito("module", "reset", "1"),
      tito("module", "reset", "1", "--solution"),
      tito("module", "reset", "2", "--solution"),
    ],
  },
  {
    name: "test-timeout",
    steps: [
      {
        note: `add in ${ADD} loops forever when a is 1: while (a === 1) b++;`,
        edit: { file: ADD, from: "return a + b;", to: "while (a === 1) b++;\n  return a + b;" },
      },
      tito("test", "--module", "1", "--task", "1", "--timeout", "1"),
    ],
  },
  {
    name: "reference-deps",
    steps: [
      brief("module", "start", "1"),
      tito("test", "--module", "2"),
      tito("test", "--module", "2", "--reference-deps"),
    ],
  },
  { name: "test-json", steps: [tito("test", "--module", "1", "--task", "1", "--json")] },
  {
    name: "milestone",
    steps: [
      tito("milestone", "list"),
      tito("milestone", "info", "01"),
      tito("milestone", "run", "01"),
      tito("milestone", "run", "01", "--force"),
      tito("milestone", "list"),
    ],
  },
  { name: "profile", steps: [tito("profile", "--module", "adder")] },
  {
    name: "submit",
    steps: [
      tito("submit", "1"),
      tito("submit", "1", "--out", "mine.zip"),
      tito("submit", "1", "--out", "mine.zip"),
    ],
  },
  {
    name: "doctor",
    steps: [
      {
        note: `a typo in ${ADD}: return a + ;`,
        edit: { file: ADD, from: "return a + b;", to: "return a + ;" },
      },
      tito("doctor"),
    ],
  },
  {
    name: "corrupt-progress",
    steps: [
      { note: "another program crashed while writing the progress file" },
      { sh: 'mkdir -p .tito && printf \'{"schema": 1, "modu\' > .tito/progress.json' },
      tito("module", "status"),
      { sh: "ls .tito" },
      tito("module", "status"),
    ],
  },
  {
    name: "errors",
    steps: [
      tito("module", "frobnicate"),
      tito("test", "--module", "1", "--timeout", "soon"),
      tito("test", "--module", "99", "--json"),
    ],
  },
  {
    name: "whole-session",
    steps: [
      tito("module", "status"),
      tito("module", "start", "1"),
      tito("test", "--module", "1"),
      {
        note: `you write add in ${ADD}: return a + b;`,
        edit: write(ADD, "adder.1", "return a + b;"),
      },
      {
        note: `and double in ${DOUBLE}, with a slip: return xs.map((x) => x + 2);`,
        edit: write(DOUBLE, "adder.2", "return xs.map((x) => x + 2);"),
      },
      tito("test", "--module", "1"),
      {
        note: "you fix the slip: return xs.map((x) => 2 * x);",
        edit: { file: DOUBLE, from: "x + 2", to: "2 * x" },
      },
      tito("module", "complete", "1"),
      tito("module", "start", "2"),
      {
        note: `you write sumScaled in ${SCALE}: return xs.reduce((s, x) => add(s, k * x), 0);`,
        edit: write(SCALE, "scaler.1", "return xs.reduce((s, x) => add(s, k * x), 0);"),
      },
      tito("module", "complete", "2"),
      tito("milestone", "run", "01"),
      tito("module", "status"),
      { sh: "cat .tito/progress.json" },
    ],
  },
];
