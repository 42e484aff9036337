import assert from "node:assert/strict";
import {
  emptyProgress,
  PROGRESS_FILE,
  progressProblem,
  readProgress,
  updateProgress,
} from "./progress_store.ts";
import { TitoError } from "../tito_error.ts";

Deno.test("tito: progress round-trips through an atomic write", async () => {
  const root = await Deno.makeTempDir();
  try {
    assert.deepEqual(await readProgress(root), emptyProgress());
    await updateProgress(root, (p) => {
      p.modules.tensor = {
        completedAt: "2026-01-01T00:00:00.000Z",
        tasks: { "tensor.1": "passed" },
      };
    });
    const back = await readProgress(root);
    assert.equal(back.modules.tensor.tasks["tensor.1"], "passed");
    const names = (await Array.fromAsync(Deno.readDir(`${root}/.tito`))).map((e) => e.name);
    assert.deepEqual(names, ["progress.json"], "no temporary file is left");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("tito: progressProblem() names what is wrong", () => {
  assert.equal(progressProblem(emptyProgress()), null);
  assert.match(progressProblem([])!, /not a JSON object/);
  assert.match(progressProblem({ schema: 2, modules: {}, milestones: {} })!, /schema is 2/);
  assert.match(progressProblem({ schema: 1, modules: [], milestones: {} })!, /"modules"/);
  assert.match(
    progressProblem({ schema: 1, modules: { a: { tasks: {} } }, milestones: {} })!,
    /module "a" needs "completedAt"/,
  );
  assert.match(
    progressProblem({ schema: 1, modules: {}, milestones: { "01": { achievedAt: 1 } } })!,
    /milestone "01"/,
  );
});

Deno.test("tito: an invalid progress record is moved aside, never overwritten", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/.tito`);
    const text = '{"schema": 1, "modules": [], "milestones": {}}';
    await Deno.writeTextFile(`${root}/${PROGRESS_FILE}`, text);
    await assert.rejects(() => readProgress(root), (e) => {
      assert.ok(e instanceof TitoError);
      assert.match(
        e.message,
        /"modules" is not an object\. It was moved to \.tito\/progress\.json\.corrupt-\d{8}T\d{6}/,
      );
      return true;
    });
    const [aside] = (await Array.fromAsync(Deno.readDir(`${root}/.tito`))).map((e) => e.name);
    assert.match(aside, /^progress\.json\.corrupt-/);
    assert.equal(await Deno.readTextFile(`${root}/.tito/${aside}`), text);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
