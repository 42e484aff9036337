import assert from "node:assert/strict";
import { buildGradescopeBundle, defaultBundlePath } from "./gradescope_bundle.ts";
import { repositoryRoot } from "../paths.ts";
import { readZip } from "../intake/zip_reader.ts";

const root = repositoryRoot();

Deno.test("grader: the Gradescope bundle grades a submission and writes results.json", async () => {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-gradescope-" }));
  try {
    await buildGradescopeBundle({ root, module: "quantization", out: `${dir}/autograder.zip` });
    const entries = readZip(await Deno.readFile(`${dir}/autograder.zip`));
    const paths = entries.map((e) => e.path);
    for (const p of ["setup.sh", "run_autograder", "grader/cli.ts", "deno.lock"]) {
      assert.ok(paths.includes(p), p);
    }
    assert.ok(paths.some((p) => p.startsWith("grader/hidden/quantization/")));
    assert.ok(!paths.some((p) => p.startsWith("grader/examples/") || p.startsWith(".ci/")));
    for (const e of entries) {
      await Deno.mkdir(`${dir}/source/${e.path}`.replace(/\/[^/]*$/, ""), { recursive: true });
      await Deno.writeFile(`${dir}/source/${e.path}`, e.data);
    }
    await Deno.mkdir(`${dir}/submission`);
    await Deno.copyFile(`${root}/grader/examples/ada_correct.zip`, `${dir}/submission/ada.zip`);
    const run = await new Deno.Command("bash", {
      args: [`${dir}/source/run_autograder`],
      env: { AUTOGRADER_ROOT: dir, DENO: Deno.execPath(), NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    const results = JSON.parse(await Deno.readTextFile(`${dir}/results/results.json`));
    assert.equal(results.score, 100);
    assert.equal(results.tests.length, 8);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grader: the bundle is never written where git could commit it", async () => {
  await assert.rejects(
    buildGradescopeBundle({ root, module: "quantization", out: `${root}/autograder.zip` }),
    /Cannot write the autograder to .*autograder\.zip: it is inside the course repository and not git-ignored/,
  );
  await assert.rejects(Deno.stat(`${root}/autograder.zip`), Deno.errors.NotFound);
  assert.equal(
    defaultBundlePath(root, "quantization"),
    `${root}/reports/gradescope/quantization-autograder.zip`,
  );
});
