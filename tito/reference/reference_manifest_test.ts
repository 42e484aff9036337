import assert from "node:assert/strict";
import type { ModuleInfo } from "@tinytorch/course";
import { pathToFileURL } from "node:url";
import { REGISTRY_PATH } from "../project.ts";
import { differingFiles, MANIFEST_PATH, moduleHashes, readManifest } from "./reference_manifest.ts";
import { moduleState } from "../module/stub_state.ts";
import { DEFAULT_ROOTS } from "./write_reference_manifest.ts";

Deno.test("tito: reference_manifest.json is up to date for the course and the fixture (deno task tito:manifest)", async () => {
  for (const root of DEFAULT_ROOTS) {
    const { MODULES } = await import(pathToFileURL(`${root}/${REGISTRY_PATH}`).href);
    const manifest = await readManifest(root);
    for (const m of MODULES as ModuleInfo[]) {
      const state = await moduleState(root, m, false);
      if (state.regions > 0 && state.stubbedRegions === state.regions) continue; // a release
      assert.ok(manifest, `${root}/${MANIFEST_PATH} is missing or invalid`);
      const differ = differingFiles(await moduleHashes(root, m), manifest.modules[m.name] ?? {});
      assert.deepEqual(
        differ,
        [],
        `${root}/${MANIFEST_PATH} is stale for ${m.name} (${differ.join(", ")}): ` +
          `run deno task tito:manifest and commit it with the module`,
      );
    }
    if (manifest) {
      const names = (MODULES as ModuleInfo[]).map((m) => m.name);
      assert.deepEqual(Object.keys(manifest.modules).sort(), names.sort());
    }
  }
});

Deno.test("tito: moduleHashes() ignores CRLF line ends of text files; differingFiles() names changes", async () => {
  const root = await Deno.makeTempDir();
  const module = { name: "demo", dir: "modules/demo" } as ModuleInfo;
  try {
    await Deno.mkdir(`${root}/modules/demo`, { recursive: true });
    await Deno.writeTextFile(`${root}/modules/demo/a.ts`, "export const a = 1;\n");
    await Deno.writeFile(`${root}/modules/demo/b.bin`, Uint8Array.of(13, 10));
    const lf = await moduleHashes(root, module);
    await Deno.writeTextFile(`${root}/modules/demo/a.ts`, "export const a = 1;\r\n");
    assert.deepEqual(await moduleHashes(root, module), lf);
    assert.deepEqual(differingFiles(lf, { ...lf, "c.ts": "00" }), ["c.ts"]);
    assert.deepEqual(differingFiles({ ...lf, "a.ts": "11" }, lf), ["a.ts"]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
