import assert from "node:assert/strict";
import { DEMO_MODULES, demoSubmission, fixtureCourse } from "./_fixture_course.ts";
import { loadCatalog } from "./catalog.ts";
import { checkImports, npmPackage } from "./import_check.ts";
import { NPM_ALLOWLIST } from "./limits.ts";
import { createSandbox, entryPoints, removeSandbox } from "./sandbox.ts";

Deno.test("grader: npmPackage() names the package of any npm specifier", () => {
  assert.equal(npmPackage("npm:/mathjs@15.2.0/lib/x.js"), "mathjs");
  assert.equal(npmPackage("npm:left-pad"), "left-pad");
  assert.equal(npmPackage("npm:@scope/pkg@1/x"), "@scope/pkg");
  assert.equal(npmPackage("node:fs"), undefined);
});

Deno.test("grader: checkImports() refuses escapes, remote code and unlisted npm packages", async () => {
  const root = await fixtureCourse();
  const catalog = await loadCatalog(root, "demo", DEMO_MODULES);
  const bad = [
    `import "file://${root}/modules/demo/add.ts";`,
    'import "file:///etc/hostname";',
    'import "../../../../../../etc/passwd.ts";',
    'import "npm:left-pad@1.3.0";',
    'import "https://example.com/x.ts";',
    'import "jsr:@std/assert";',
    'import "data:application/javascript,export default 1";',
    'import "../../grader/hidden/demo/hidden.ts";',
    'export const later = () => import("/etc/hostname");',
  ].join("\n");
  const good =
    'import "node:fs";\nimport { add } from "mathjs";\nimport "@tinytorch/course";\nimport "./cases/mod.ts";\n';
  const files = demoSubmission({
    "mod.ts":
      'export * from "./add.ts";\nexport * from "./scale.ts";\nexport * from "./total.ts";\nimport "./helper.ts";\n',
    "helper.ts": `${good}${bad}\nexport const h = add;\n`,
    "unused.ts": 'import "file:///etc/hostname";\n',
  });
  const sandbox = await createSandbox({ root, catalog, base: "stub", files });
  try {
    const check = await checkImports(sandbox.dir, {
      roots: await entryPoints(root, catalog.module),
      submitted: sandbox.submitted,
      allow: NPM_ALLOWLIST,
    });
    const refused = check.refused.join("\n");
    for (
      const what of [
        "/etc/hostname",
        "etc/passwd.ts",
        "left-pad",
        "https://example.com/x.ts",
        "jsr:@std/assert",
        "data:application",
        "grader/hidden/demo/hidden.ts",
      ]
    ) {
      assert.ok(refused.includes(what), `${what} should be refused:\n${refused}`);
    }
    assert.ok(!refused.includes('"./cases/mod.ts"'), "a file inside the sandbox is allowed");
    assert.ok(!/imports "(node:fs|mathjs|@tinytorch\/course)"/.test(refused), refused);
    assert.ok(check.refused.every((r) => r.startsWith("modules/demo/helper.ts imports")));
    assert.deepEqual(check.unused, ["modules/demo/unused.ts"]);
  } finally {
    await removeSandbox(sandbox);
    await Deno.remove(root, { recursive: true });
  }
});
