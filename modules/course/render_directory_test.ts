import assert from "node:assert/strict";
import { renderDirectory } from "./render_directory.ts";
import { withoutStubHeader } from "./render_stub.ts";

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile) files.set(e.name, await Deno.readTextFile(`${dir}/${e.name}`));
  }
  return files;
}

Deno.test("course: renderDirectory() is idempotent: a rendered module renders to the same bytes, lint headers kept", async () => {
  const here = new URL("../tensor/", import.meta.url).pathname;
  const dir = await Deno.makeTempDir({ prefix: "course-render-" });
  try {
    for await (const e of Deno.readDir(here)) {
      if (e.isFile && e.name.endsWith(".ts")) {
        await Deno.copyFile(`${here}/${e.name}`, `${dir}/${e.name}`);
      }
    }
    const first = await renderDirectory(dir, { lesson: "modules/tensor/README.md" });
    assert.ok(first.length > 0);
    const once = await snapshot(dir);
    assert.ok([...once.values()].some((t) => t.startsWith("// deno-lint-ignore-file ")));
    const second = await renderDirectory(dir, { lesson: "modules/tensor/README.md" });
    const tasks = (rs: typeof first) => rs.map((r) => `${r.file} ${r.task}`);
    assert.deepEqual(tasks(second), tasks(first));
    assert.deepEqual(await snapshot(dir), once);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("course: withoutStubHeader() removes only a stub's own header", () => {
  assert.equal(
    withoutStubHeader("// deno-lint-ignore-file no-unused-vars require-await\nexport {};\n"),
    "export {};\n",
  );
  const own = "// deno-lint-ignore-file no-console -- a CLI\nexport {};\n";
  assert.equal(withoutStubHeader(own), own);
  assert.equal(withoutStubHeader("export {};\n"), "export {};\n");
});
