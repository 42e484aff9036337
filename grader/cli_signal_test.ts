import assert from "node:assert/strict";
import { repositoryRoot } from "./paths.ts";

async function sandboxes(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.name.startsWith("tinytorch-sandbox-")) names.push(e.name);
  }
  return names;
}

Deno.test("grader: SIGTERM during grade check exits 143 and leaves no sandbox behind", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "tinytorch-signal-" });
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `${repositoryRoot()}/grader/cli.ts`, "check", "--module", "tensor"],
      env: { TMPDIR: tmp, NO_COLOR: "1" },
      stdout: "null",
      stderr: "null",
    }).spawn();
    const deadline = Date.now() + 120_000;
    while ((await sandboxes(tmp)).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.notDeepEqual(await sandboxes(tmp), [], "grade check never built a sandbox");
    child.kill("SIGTERM");
    const status = await child.status;
    assert.equal(status.code, 143);
    assert.deepEqual(await sandboxes(tmp), []);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
