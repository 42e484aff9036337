import assert from "node:assert/strict";
import { findRegions } from "@tinytorch/course";
import { repositoryRoot } from "../paths.ts";
import { buildGradescopeBundle } from "./gradescope_bundle.ts";
import { findReferenceText, release, studentConfig } from "./release.ts";
import { isArchive, isBinary } from "./release_guard.ts";
import { copyRepository } from "../check/stub_check.ts";

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
      "check:stubs": "deno run -A grader/check/check_stubs.ts",
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
    assert.equal(await exists(`${out}/.maintainer`), false, "maintainer scripts stay home");
    for (const f of ["docs/instructor_guide.md", "docs/adding_a_module.md"]) {
      assert.equal(await exists(`${out}/${f}`), false, f);
    }
    assert.equal(await exists(`${out}/.git`), false);
    assert.deepEqual(JSON.parse(await Deno.readTextFile(`${out}/tinytorch-release.json`)), {
      format: "tinytorch-release/1",
      solutions: ["quantization"],
    });
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

async function git(cwd: string, ...args: string[]): Promise<void> {
  const r = await new Deno.Command("git", { args, cwd, stdout: "null", stderr: "piped" }).output();
  assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
}

Deno.test("grader: a release refuses a committed autograder zip, a stray binary, a hidden case file and altered weights", async () => {
  const course = await Deno.makeTempDir({ prefix: "tinytorch-course-" });
  const out = `${course}-release`;
  try {
    await copyRepository(root, course);
    await git(course, "init", "-q");
    const bundle = `${out}-bundle.zip`; // outside the course: inside, the builder refuses
    await buildGradescopeBundle({ root: course, module: "quantization", out: bundle });
    await Deno.rename(bundle, `${course}/autograder.zip`);
    await Deno.copyFile(
      `${root}/grader/hidden/layers/hidden.ts`,
      `${course}/modules/layers/notes.ts`,
    );
    await Deno.writeFile(`${course}/docs/figure.png`, Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0));
    const weights = await Deno.readFile(`${course}/datasets/reference_mlp.bin`);
    weights[100] ^= 1;
    await Deno.writeFile(`${course}/datasets/reference_mlp.bin`, weights);
    await git(course, "add", "-A");
    await git(course, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "x");
    const message = await release({ root: course, out }).then(
      () => assert.fail("the release was written"),
      (error: Error) => error.message,
    );
    for (
      const line of [
        "autograder.zip is an archive",
        "docs/figure.png is a binary file outside the allowed list",
        "datasets/reference_mlp.bin differs from what its build produces",
        "modules/layers/notes.ts holds the hidden case hidden:layers.",
      ]
    ) assert.ok(message.includes(line), `${line}\n${message}`);
    assert.equal(await exists(out), false, "a refused release leaves nothing behind");
  } finally {
    await Deno.remove(course, { recursive: true });
    await Deno.remove(out, { recursive: true }).catch(() => {});
  }
});

Deno.test("grader: isArchive() and isBinary() know archives by name and by content", () => {
  assert.ok(isArchive("a.zip", new Uint8Array()));
  assert.ok(isArchive("weights", Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1)));
  assert.ok(isArchive("data", Uint8Array.of(0x1f, 0x8b, 8)));
  const tar = new Uint8Array(512);
  tar.set(new TextEncoder().encode("ustar"), 257);
  assert.ok(isArchive("x.bin", tar));
  assert.ok(!isArchive("mod.ts", new TextEncoder().encode("export {};")));
  assert.ok(isBinary(Uint8Array.of(0x61, 0)));
  assert.ok(isBinary(Uint8Array.of(0xff, 0xfe, 0x61)));
  assert.ok(!isBinary(new TextEncoder().encode("王芳 é ✓")));
});
