import assert from "node:assert/strict";
import { denoVersionProblem, REQUIRED_DENO } from "./require_deno.ts";

Deno.test("tito: denoVersionProblem() accepts the pinned major.minor, patch differences too", () => {
  assert.equal(denoVersionProblem(REQUIRED_DENO), undefined);
  assert.equal(denoVersionProblem("2.9.0", { required: "2.9.6" }), undefined);
  assert.equal(denoVersionProblem("2.9.12", { required: "2.9.6" }), undefined);
});

Deno.test("tito: denoVersionProblem() names both versions, the task and the install commands", () => {
  const problem = denoVersionProblem("2.4.4", {
    task: "demo",
    execPath: "/usr/lib/node_modules/deno/deno",
    required: "2.9.6",
  });
  assert.ok(problem);
  assert.match(problem, /needs Deno 2\.9 \(tested with 2\.9\.6\)/);
  assert.match(problem, /this is Deno 2\.4\.4 \(\/usr\/lib\/node_modules\/deno\/deno\)/);
  assert.match(problem, /npm install -g deno@2\.9\.6/);
  assert.match(problem, /npx -y deno@2\.9\.6 task demo/);
  for (const running of ["3.9.6", "2.10.0", "1.46.3", "2.90.1", "not a version"]) {
    assert.ok(denoVersionProblem(running, { required: "2.9.6" }), running);
  }
  assert.throws(() => denoVersionProblem("2.9.6", { required: "2.9" }), RangeError);
});

Deno.test("tito: require_deno.ts exits 0 on this Deno and imports nothing", async () => {
  const file = new URL("./require_deno.ts", import.meta.url);
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", file.pathname, "demo"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.equal(out.stdout.length + out.stderr.length, 0);
  const source = await Deno.readTextFile(file);
  assert.doesNotMatch(source, /^\s*import\s/m, "it must run before any dependency resolves");
});
