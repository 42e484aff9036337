import assert from "node:assert/strict";
import { DEMO_MODULES, demoSubmission, fixtureCourse } from "../_fixture_course.ts";
import { loadCatalog } from "../catalog.ts";
import { checkImports, npmPackage } from "./import_check.ts";
import { NPM_ALLOWLIST } from "./limits.ts";
import { createSandbox, entryPoints, removeSandbox } from "./sandbox.ts";

Deno.test("grader: npmPackage() names the package of any npm specifier", () => {
  assert.equal(npmPackage("npm:/mathjs@15.2.0/lib/x.js"), "mathjs");
  assert.equal(npmPackage("npm:left-pad"), "left-pad");
  assert.equal(npmPackage("npm:@scope/pkg@1/x"), "@scope/pkg");
  assert.equal(npmPackage("node:fs"), undefined);
});

async function check(changes: Record<string, string>) {
  const root = await fixtureCourse();
  const catalog = await loadCatalog(root, "demo", DEMO_MODULES);
  const sandbox = await createSandbox({
    root,
    catalog,
    base: "stub",
    files: demoSubmission(changes),
  });
  try {
    return await checkImports(sandbox.dir, {
      roots: await entryPoints(root, catalog.module),
      submitted: sandbox.submitted,
      allow: NPM_ALLOWLIST,
    });
  } finally {
    await removeSandbox(sandbox);
    await Deno.remove(root, { recursive: true });
  }
}

const MOD = 'export * from "./add.ts";\nexport * from "./scale.ts";\nexport * from "./total.ts";\n';

Deno.test("grader: checkImports() refuses remote code, unlisted npm packages and grader files", async () => {
  const bad = [
    'import "npm:left-pad@1.3.0";',
    'import "https://example.com/x.ts";',
    'import "jsr:@std/assert";',
    'import "data:application/javascript,export default 1";',
    'import "../../grader/hidden/demo/hidden.ts";',
  ];
  const good = ['import "node:fs";', 'import { add } from "mathjs";', 'import "./cases/mod.ts";'];
  const result = await check({
    "mod.ts": `${MOD}import "./helper.ts";\n`,
    "helper.ts": `${[...good, ...bad].join("\n")}\nexport const h = add;\n`,
    "unused.ts": 'import "npm:left-pad@1.3.0";\n',
  });
  const refused = result.refused.join("\n");
  for (
    const what of [
      "left-pad",
      "example.com/x.ts",
      "jsr:@std/assert",
      "data:application",
      "grader/hidden",
    ]
  ) {
    assert.ok(refused.includes(what), `${what} should be refused:\n${refused}`);
  }
  assert.equal(result.refused.length, bad.length, refused);
  assert.ok(result.refused.every((r) => r.startsWith("modules/demo/helper.ts imports")));
  assert.deepEqual(result.unused, ["modules/demo/unused.ts"]);
});

Deno.test("grader: checkImports() refuses absolute paths and escapes before running deno info", async () => {
  const result = await check({
    "add.ts": [
      'import "file:///work/main/modules/demo/add.ts";',
      'import "/dev/zero";',
      'import "../../../../../../etc/passwd.ts";',
      'export const later = () => import("/etc/hostname");',
      "export const add = 1;",
    ].join("\n"),
  });
  assert.deepEqual(result.refused.map((r) => r.replace(/: only.*/, "")), [
    'modules/demo/add.ts imports "file:///work/main/modules/demo/add.ts"',
    'modules/demo/add.ts imports "/dev/zero"',
    'modules/demo/add.ts imports "../../../../../../etc/passwd.ts"',
    'modules/demo/add.ts imports "/etc/hostname"',
  ]);
});

Deno.test("grader: every import form with an encoded or escaped path is refused before deno info", async () => {
  const up = "..%2F..%2Fgrader%2Fhidden%2Fdemo%2Fhidden.ts";
  const forms = [
    `import "./${up}";`,
    `import type { X } from "./${up}";`,
    `import { type Y } from "./%2e%2e/%2E%2E/grader/hidden/demo/hidden.ts";`,
    `export { z } from "./${up}";`,
    `export * from "./..%5C..%5Cgrader/hidden/demo/hidden.ts";`,
    `/// <reference path="./${up}" />`,
    `/// <reference types="./${up}" />`,
    `// @ts-types="./${up}"`,
    `// @deno-types="./${up}"`,
    `type T = typeof import("./${up}");`,
    `const later = () => import("./${up}");`,
    `import x = require("./${up}");`,
    `import "./\\u002e\\u002e/\\u002e\\u002e/grader/hidden/demo/hidden.ts";`,
  ];
  const result = await check({ "add.ts": `${forms.join("\n")}\nexport const add = 1;\n` });
  assert.equal(result.refused.length, forms.length, result.refused.join("\n"));
  assert.ok(result.refused.every((r) => /encoded or escaped/.test(r)), result.refused.join("\n"));
});

Deno.test("grader: decoded specifiers that climb out or into the grader's folders are refused", async () => {
  const result = await check({
    "add.ts": [
      'import "./../../../tmp/x.ts";',
      'import "../../_grader/harness.ts";',
      'import "./../../grader/hidden/demo/hidden.ts";',
      "export const add = 1;",
    ].join("\n"),
  });
  assert.deepEqual(result.refused.map((r) => r.replace(/^.*?: /, "")), [
    "only files of the course may be imported",
    "a grader file may not be imported",
    "a grader file may not be imported",
  ]);
});

Deno.test("grader: node:v8, node:inspector and text or JSON imports are refused statically", async () => {
  const result = await check({
    "add.ts": [
      'import * as v8 from "node:v8";',
      'import "v8";',
      'import "node:inspector";',
      'import "node:inspector/promises";',
      'import text from "./cases/mod.ts" with { type: "text" };',
      "export const add = 1, t = text, h = v8;",
    ].join("\n"),
    "scale.ts":
      'export const scale = () => import("./cases/mod.ts", { with: { type: "text" } });\n',
  });
  const refused = result.refused.join("\n");
  for (const what of ['"node:v8"', '"v8"', '"node:inspector"', '"node:inspector/promises"']) {
    assert.ok(refused.includes(`imports ${what}: `), `${what} should be refused:\n${refused}`);
  }
  assert.match(refused, /add\.ts has an import with attributes/);
});
