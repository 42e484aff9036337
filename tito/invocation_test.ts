import assert from "node:assert/strict";
import { spelled, titoPrefix } from "./invocation.ts";

Deno.test("tito: hints are spelled the way tito was run", () => {
  const npx = "/home/a/.npm/_npx/1c2d/node_modules/deno/deno";
  assert.equal(titoPrefix({ launcherCwd: "/p", execPath: npx, version: "2.9.6" }), "tito");
  assert.equal(titoPrefix({ execPath: npx, version: "2.9.6" }), "npx -y deno@2.9.6 task tito");
  assert.equal(titoPrefix({ execPath: "/usr/bin/deno", version: "2.9.6" }), "deno task tito");
  assert.equal(spelled("tito module start 02", "deno task tito"), "deno task tito module start 02");
  assert.equal(spelled("modules/tensor/README.md", "deno task tito"), "modules/tensor/README.md");
});
