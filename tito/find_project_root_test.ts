import assert from "node:assert/strict";
import { findProjectRoot } from "./find_project_root.ts";
import { learnerCwd } from "./project.ts";

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

Deno.test("tito: an INIT_CWD inherited from another project is ignored", () => {
  const here = Deno.cwd();
  const saved = [Deno.env.get("INIT_CWD"), Deno.env.get("TITO_CWD")];
  try {
    Deno.env.delete("TITO_CWD");
    Deno.env.set("INIT_CWD", "/somewhere/else");
    assert.equal(learnerCwd(), here);
    Deno.env.set("INIT_CWD", `${here}/modules`);
    assert.equal(learnerCwd(), `${here}/modules`);
  } finally {
    saved[0] === undefined ? Deno.env.delete("INIT_CWD") : Deno.env.set("INIT_CWD", saved[0]);
    if (saved[1] !== undefined) Deno.env.set("TITO_CWD", saved[1]);
  }
});
