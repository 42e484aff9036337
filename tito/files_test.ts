import assert from "node:assert/strict";
import { copyFixture, listTree, readTree, sameTree } from "./files.ts";

Deno.test("tito: copyFixture() copies a testdata tree to a new temporary folder", async () => {
  const fixture = new URL("./testdata/fixture", import.meta.url).pathname;
  const copy = await copyFixture(fixture, "tito-files-test-");
  try {
    assert.ok(copy.includes("tito-files-test-"), copy);
    assert.equal(copy, await Deno.realPath(copy), "the copy's path is its real path");
    assert.ok((await listTree(copy)).includes("modules/adder/add.ts"));
    assert.ok(sameTree(await readTree(fixture), await readTree(copy)));
    const again = await copyFixture(fixture, "tito-files-test-");
    assert.notEqual(again, copy, "each call makes a new folder");
    await Deno.remove(again, { recursive: true });
  } finally {
    await Deno.remove(copy, { recursive: true });
  }
});
