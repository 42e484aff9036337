import assert from "node:assert/strict";
import { allClose, type Case, custom, exact, observe } from "@tinytorch/course";
import { DEMO } from "../_fixture_course.ts";
import type { Catalog } from "../catalog.ts";
import { trivialOutputs, weakCustomChecks } from "./trivial_outputs.ts";

Deno.test("grader: trivialOutputs() keeps the reference's structure and drops a variant equal to it", () => {
  const reference = observe({ y: Float32Array.of(1.5, -2), shape: [2], ok: true });
  const byLabel = Object.fromEntries(
    trivialOutputs(reference).map((t) => [t.label, t.observation]),
  );
  assert.deepEqual(byLabel.zeros, observe({ y: Float32Array.of(0, 0), shape: [2], ok: true }));
  assert.deepEqual(
    byLabel["the constant 1.5"],
    observe({ y: Float32Array.of(1.5, 1.5), shape: [2], ok: true }),
  );
  assert.deepEqual(
    byLabel["empty lists"],
    observe({ y: new Float32Array(0), shape: [2], ok: true }),
  );
  assert.deepEqual(
    trivialOutputs(observe({ n: 0 })).map((t) => t.label),
    ["ones", "NaN everywhere"],
    "zeros, the constant 0 and empty lists would be the reference itself",
  );
});

Deno.test("grader: weakCustomChecks() names every custom check a trivial output passes, and only those", () => {
  const entry = (name: string, c: Case<unknown>) => ({
    id: `visible:demo.1 ${name}`,
    task: "demo.1",
    name,
    hidden: false,
    case: c,
  });
  const run = () => 0;
  const catalog: Catalog = {
    module: DEMO,
    visibleFile: "",
    hiddenFiles: [],
    packages: [],
    api: [],
    entries: [
      // The shape of the weak check the review found: two outputs that agree, whatever they are.
      entry("weak", {
        run,
        compare: custom("a equals b", (g) => {
          const { a, b } = g as { a: unknown; b: unknown };
          return JSON.stringify(a) === JSON.stringify(b) ? null : "a differs from b";
        }),
      }),
      entry("strong", {
        run,
        compare: custom("a equals b, within 1% of want", (g, w) => {
          const { a, b } = g as { a: number[]; b: number[] };
          if (JSON.stringify(a) !== JSON.stringify(b)) return "a differs from b";
          return allClose({ rtol: 0.01 }).check(a, (w as { a: number[] }).a);
        }),
      }),
      entry("not custom", { run, compare: exact() }),
    ],
  };
  const reference = observe({ a: [3, 4], b: [3, 4] });
  const problems = weakCustomChecks(catalog, [reference, reference, observe(0)], [
    reference,
    reference,
    observe(0),
  ]);
  assert.deepEqual(problems, [
    "visible:demo.1 weak: its custom check passes on zeros",
    "visible:demo.1 weak: its custom check passes on ones",
    "visible:demo.1 weak: its custom check passes on NaN everywhere",
    "visible:demo.1 weak: its custom check passes on the constant 3",
    "visible:demo.1 weak: its custom check passes on empty lists",
  ]);
});
