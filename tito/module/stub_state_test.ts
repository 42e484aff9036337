import assert from "node:assert/strict";
import { type ModuleInfo, renderStub } from "@tinytorch/course";
import { isStubBody, moduleState, normalizeStub } from "./stub_state.ts";

const MODULE: ModuleInfo = {
  name: "demo",
  numbers: [1],
  package: "@tinytorch/demo",
  dir: "modules/demo",
  title: "Demo",
  prerequisites: [],
  tasks: [{ id: "demo.1", title: "One", points: 1 }],
};
const REFERENCE = "export function one(): number {\n  // #region solution demo.1\n  return 1;\n" +
  "  // #endregion\n}\n";

Deno.test("tito: isStubBody() and normalizeStub()", () => {
  assert.ok(
    isStubBody(["  // TODO(demo.1): x", '  throw new NotImplementedError("demo.1");'], "demo.1"),
  );
  assert.ok(!isStubBody(["  return 1;"], "demo.1"));
  assert.ok(!isStubBody(['  throw new NotImplementedError("demo.2");'], "demo.1"));
  assert.equal(
    normalizeStub("// deno-lint-ignore-file no-unused-vars\n  // TODO(demo.1): see a\nx\n"),
    "  // TODO(demo.1)\nx\n",
  );
});

Deno.test("tito: moduleState() tells the stub, the reference and learner work apart", async () => {
  const root = await Deno.makeTempDir();
  const write = (dir: string, text: string) =>
    Deno.mkdir(`${root}/${dir}`, { recursive: true }).then(() =>
      Deno.writeTextFile(`${root}/${dir}/one.ts`, text)
    );
  try {
    await write("modules/demo", REFERENCE);
    assert.deepEqual(await moduleState(root, MODULE), {
      regions: 1,
      stubbedRegions: 0,
      isStub: false,
      isReference: null,
    });
    await write(".tito/reference/demo", REFERENCE);
    assert.equal((await moduleState(root, MODULE)).isReference, true);
    await write("modules/demo", renderStub(REFERENCE, { lesson: "elsewhere" }));
    assert.deepEqual(await moduleState(root, MODULE), {
      regions: 1,
      stubbedRegions: 1,
      isStub: true,
      isReference: false,
    });
    await write("modules/demo", REFERENCE.replace("return 1", "return 2 - 1"));
    const work = await moduleState(root, MODULE);
    assert.equal(work.isStub || work.isReference, false);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
