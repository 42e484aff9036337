import assert from "node:assert/strict";
import { findProjectRoot } from "./find_project_root.ts";

Deno.test("tito: findProjectRoot() finds the nearest deno.json with a tito task", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/project/modules/tensor`, { recursive: true });
    await Deno.writeTextFile(`${root}/project/deno.json`, '{"tasks": {"tito": "x"}}');
    await Deno.writeTextFile(`${root}/project/modules/deno.json`, '{"name": "member"}');
    assert.equal(await findProjectRoot(`${root}/project/modules/tensor`), `${root}/project`);
    assert.equal(await findProjectRoot(`${root}/project`), `${root}/project`);
    assert.equal(await findProjectRoot(root), null);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
