import assert from "node:assert/strict";
import { findRegions, renderStub, STUB_IMPORT, withLintHeader } from "./render_stub.ts";

// Markers are spliced in so that this file itself has no regions.
const OPEN = "// #region solution";
const CLOSE = "// #endregion";
const SOURCE = `/**
 * A module.
 *
 * @module
 */
import { helper } from "./helper.ts";

/** Doubles. */
export function double(x: number): number {
  ${OPEN} demo.1
  const y = helper(x);
  return y * 2;
  ${CLOSE}
}

export class K {
  /** Squares. */
  square(x: number): number {
    ${OPEN} demo.2
    // #region inner fold
    return x * x;
    ${CLOSE}
    ${CLOSE}
  }
}
`;

Deno.test("course: findRegions() finds ids and lines, allowing other folds inside", () => {
  assert.deepEqual(findRegions(SOURCE), [
    { task: "demo.1", start: 10, end: 13 },
    { task: "demo.2", start: 19, end: 23 },
  ]);
});

Deno.test("course: findRegions() rejects malformed regions", () => {
  assert.throws(
    () => findRegions("// #region solution a.1\n"),
    /Cannot find the end of region "a.1"/,
  );
  assert.throws(() => findRegions("// #endregion\n"), /none is open/);
  assert.throws(
    () => findRegions("// #region solution a.1\n// #region solution a.2\n"),
    /Cannot nest region "a.2"/,
  );
});

Deno.test("course: renderStub() replaces bodies and keeps everything else", () => {
  const stub = renderStub(SOURCE, { lesson: "modules/demo/README.md" });
  assert.ok(stub.startsWith(`/**\n * A module.`));
  assert.ok(stub.includes(`${STUB_IMPORT}\nimport { helper }`));
  assert.ok(!stub.includes("y * 2") && !stub.includes("x * x"));
  assert.ok(stub.includes(
    '  // #region solution demo.1\n  // TODO(demo.1): implement this; the lesson is in modules/demo/README.md\n  throw new NotImplementedError("demo.1");\n  // #endregion\n}',
  ));
  assert.ok(stub.includes('    throw new NotImplementedError("demo.2");\n    // #endregion\n  }'));
  assert.ok(stub.includes("/** Doubles. */\nexport function double(x: number): number {"));
});

Deno.test("course: renderStub() is idempotent and leaves region-free files alone", () => {
  const once = renderStub(SOURCE);
  assert.equal(renderStub(once), once);
  assert.equal(renderStub("export const a = 1;\n"), "export const a = 1;\n");
});

Deno.test("course: renderStub() adds the import after a module doc when there are no imports", () => {
  const body =
    "export function f(): number {\n  // #region solution a.1\n  return 1;\n  // #endregion\n}\n";
  const moduleDoc = renderStub(`/**\n * Doc.\n * @module\n */\n${body}`).split("\n");
  assert.deepEqual(moduleDoc.slice(3, 5), [" */", STUB_IMPORT]);
  const exportDoc = renderStub(`/** Doc of f. */\n${body}`).split("\n");
  assert.deepEqual(
    exportDoc.slice(0, 2),
    [STUB_IMPORT, "/** Doc of f. */"],
    "an export keeps its JSDoc",
  );
});

Deno.test("course: renderStub() can render one task and leave the others", () => {
  const stub = renderStub(SOURCE, { only: "demo.2" });
  assert.ok(stub.includes("return y * 2;"));
  assert.ok(!stub.includes("return x * x;"));
  assert.equal(renderStub(SOURCE, { only: "demo.9" }), SOURCE);
});

Deno.test("course: withLintHeader() sets exactly the given rules and replaces an old header", () => {
  const once = withLintHeader("export {};\n", ["require-await", "no-unused-vars"]);
  assert.equal(once, "// deno-lint-ignore-file no-unused-vars require-await\nexport {};\n");
  assert.equal(
    withLintHeader(once, ["no-unused-vars"]),
    "// deno-lint-ignore-file no-unused-vars\nexport {};\n",
  );
  assert.equal(withLintHeader(once, []), "export {};\n");
});
