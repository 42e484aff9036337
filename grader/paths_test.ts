import assert from "node:assert/strict";
import { isWithin, resolvedPath } from "./paths.ts";

Deno.test("grader: resolvedPath() resolves links in the part that exists", async () => {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-paths-" }));
  try {
    await Deno.mkdir(`${dir}/real`);
    await Deno.symlink(`${dir}/real`, `${dir}/link`);
    assert.equal(await resolvedPath(`${dir}/link/new/../out`), `${dir}/real/out`);
    assert.equal(await resolvedPath(`${dir}/./real/`), `${dir}/real`);
    assert.ok(await isWithin(`${dir}/link/out`, `${dir}/real`));
    assert.ok(await isWithin(`${dir}/real`, `${dir}/link`));
    assert.ok(!(await isWithin(`${dir}/realer`, `${dir}/real`)), "a prefix is not a parent");
    assert.ok(!(await isWithin(dir, `${dir}/real`)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
