import assert from "node:assert/strict";
import { findRegions } from "@tinytorch/course";
import { repositoryRoot } from "./paths.ts";
import { findReferenceText, release, studentConfig } from "./release.ts";

const root = repositoryRoot();

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("grader: studentConfig() keeps student tasks and drops the grader", () => {
  const config = studentConfig({
    workspace: ["./modules/course", "./grader", "./tito"],
    tasks: {
      test: "deno test -A",
      "doc:lint": "deno doc --lint modules/course/mod.ts grader/mod.ts tito/mod.ts",
      "check:stubs": "deno run -A grader/check_stubs.ts",
      grade: "deno run -A grader/cli.ts",
      demo: "deno run -A tito/demo/main.ts",
      "bench:tensor": "deno run -A modules/tensor/matmul_bench.ts",
      tito: "deno run -A tito/main.ts",
    },
    exclude: ["reports/", "grader/examples/"],
  });
  assert.deepEqual(config.workspace, ["./modules/course", "./tito"]);
  assert.deepEqual(config.tasks, {
    test: "deno test -A",
    "doc:lint": "deno doc --lint modules/course/mod.ts tito/mod.ts",
    "bench:tensor": "deno run -A modules/tensor/matmul_bench.ts",
    tito: "deno run -A tito/main.ts",
  });
  assert.deepEqual(config.exclude, ["reports/"]);
});

Deno.test("grader: a release refuses an --out inside the repository", async () => {
  for (const out of [root, `${root}/release`, `${root}/grader/../release`]) {
    await assert.rejects(
      release({ root, out }),
      /Cannot release into .*: it is inside the instructor's repository/,
    );
  }
  assert.equal(await exists(`${root}/release`), false);
});

Deno.test("grader: a release holds stubs, no grader and no reference body; tito runs there", async () => {
  const out = await Deno.makeTempDir({ prefix: "tinytorch-release-" });
  try {
    const report = await release({ root, out, solutions: ["quantization"] });
    assert.ok(report.regions > 40, `${report.regions} regions`);
    assert.equal(await exists(`${out}/grader`), false);
    assert.equal(await exists(`${out}/.ci`), false);
    assert.equal(await exists(`${out}/.git`), false);
    assert.match(await Deno.readTextFile(`${out}/.gitignore`), /^\.tito\/$/m);
    assert.match(await Deno.readTextFile(`${out}/README.md`), /deno task tito module start tensor/);
    const config = JSON.parse(await Deno.readTextFile(`${out}/deno.json`));
    assert.ok(!JSON.stringify(config).includes("grader"));
    assert.equal(config.tasks.grade, undefined);
    assert.equal(config.tasks["check:stubs"], undefined);
    const stub = await Deno.readTextFile(`${out}/modules/tensor/matmul.ts`);
    assert.match(stub, /throw new NotImplementedError\("tensor\.3"\)/);
    const reference = await Deno.readTextFile(
      `${out}/.tito/reference/quantization/quantize_int8.ts`,
    );
    assert.equal(
      reference,
      await Deno.readTextFile(`${root}/modules/quantization/quantize_int8.ts`),
    );
    assert.deepEqual(await findReferenceText(root, out, undefined, ["quantization"]), []);

    const tito = await new Deno.Command(Deno.execPath(), {
      args: ["task", "tito", "test", "--module", "tensor"],
      cwd: out,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const shown = new TextDecoder().decode(tito.stdout) + new TextDecoder().decode(tito.stderr);
    for (let task = 1; task <= 6; task++) {
      assert.match(shown, new RegExp(`tensor\\.${task} .*not implemented`), shown);
    }

    const source = await Deno.readTextFile(`${root}/modules/quantization/round_half_to_even.ts`);
    const [r] = findRegions(source);
    const body = source.split("\n").slice(r.start, r.end - 1).join("\n");
    await Deno.writeTextFile(`${out}/tests/leak.ts`, `// copied\n${body}\n`);
    const leaks = await findReferenceText(root, out, undefined, ["quantization"]);
    assert.deepEqual(leaks, [
      `tests/leak.ts holds the solution of quantization.1 (modules/quantization/round_half_to_even.ts:${r.start})`,
    ]);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
