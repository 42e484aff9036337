import assert from "node:assert/strict";
import { repositoryRoot } from "../paths.ts";
import { SLOW_SAMPLES, writeBenchClass } from "./class_bench.ts";

Deno.test("grader: the bench class cycles through the sample class, slow samples left out", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-bench-" });
  try {
    const names = await writeBenchClass(repositoryRoot(), dir, 50);
    assert.equal(names.length, 50);
    assert.equal(new Set(names).size, 50, "every copy has a name of its own");
    assert.ok(names.every((n) => !SLOW_SAMPLES.some((s) => n.startsWith(`${s}-`))));
    assert.ok(names.includes("ada_correct-000"));
    const files = await Array.fromAsync(Deno.readDir(dir), (e) => e.name);
    assert.equal(files.length, 50);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
