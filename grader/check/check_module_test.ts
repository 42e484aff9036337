import assert from "node:assert/strict";
import { DEMO_MODULES, fixtureCourse } from "../_fixture_course.ts";
import { checkModule } from "./check_module.ts";

Deno.test("grader: checkModule() passes a sound module and counts its hidden cases", async () => {
  const root = await fixtureCourse();
  try {
    const report = await checkModule(root, "demo", { modules: DEMO_MODULES });
    assert.equal(report.ok, true, report.lines.join("\n"));
    assert.equal(report.summary, "reference 40/40, stub 0/40, 6 visible + 2 hidden cases");
    assert.deepEqual(report.lines, [
      "✓ demo.1: 2 visible + 1 hidden cases",
      "✓ demo.2: 2 visible + 1 hidden cases",
      "✓ demo.3: 2 visible + 0 hidden cases",
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("grader: checkModule() fails a hidden case that passes on the stub or on a wrong reference", async () => {
  const root = await fixtureCourse(`import { defineCases } from "@tinytorch/course";
import * as demo from "../../../modules/demo/mod.ts";
export default defineCases<typeof demo>("demo.3", {
  "always passes": { run: () => 1, expect: 1 },
  "the reference is wrong here": { run: ({ total }) => total([1]), expect: 2 },
});
`);
  try {
    const report = await checkModule(root, "demo", { modules: DEMO_MODULES });
    assert.equal(report.ok, false);
    const text = report.lines.join("\n");
    assert.match(text, /the case files import modules\/demo\/mod\.ts at run time/);
    assert.match(text, /reference fails hidden case "demo\.3 the reference is wrong here"/);
    assert.match(text, /✗ demo\.3: 2 visible \+ 2 hidden cases; pass on the stub: "always passes"/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
