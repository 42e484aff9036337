import assert from "node:assert/strict";
import { gzipSync, zipSync } from "fflate";
import { findModule } from "@tinytorch/course";
import { listSubmissions, readSubmission, type SubmissionSource } from "./intake.ts";
import { writeTar } from "./tar.ts";

const module = findModule("quantization");
const text = (s: string) => new TextEncoder().encode(s);

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-intake-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function read(dir: string, name: string, kind: SubmissionSource["kind"]) {
  return await readSubmission({ student: "s", path: `${dir}/${name}`, kind }, module);
}

Deno.test("grader: listSubmissions() finds folders and archives, one student each", async () => {
  await withDir(async (dir) => {
    await Deno.mkdir(`${dir}/ada`);
    await Deno.mkdir(`${dir}/.hidden`);
    for (const f of ["ben.zip", "cal.tar.gz", "dan.tgz", "notes.txt", "ada.zip"]) {
      await Deno.writeFile(`${dir}/${f}`, new Uint8Array(0));
    }
    const found = await listSubmissions(dir);
    assert.deepEqual(found.map((s) => [s.student, s.kind]), [
      ["ada", "folder"],
      ["ada.zip", "zip"],
      ["ben", "zip"],
      ["cal", "tar.gz"],
      ["dan", "tar.gz"],
    ]);
  });
});

Deno.test("grader: a tito submit zip gives the module's sources, cases and tests left out", async () => {
  await withDir(async (dir) => {
    const manifest = { format: "tinytorch-submission/1", module: "quantization", files: [] };
    await Deno.writeFile(
      `${dir}/a.zip`,
      zipSync({
        "manifest.json": text(JSON.stringify(manifest)),
        "modules/quantization/mod.ts": text("export {};"),
        "modules/quantization/kernels/x.ts": text("x"),
        "modules/quantization/cases/mod.ts": text("evil"),
        "modules/quantization/x_test.ts": text("t"),
        "modules/quantization/kernels/k.wasm": new Uint8Array(4),
        "modules/tensor/tensor.ts": text("other module"),
      }),
    );
    const input = await read(dir, "a.zip", "zip");
    assert.deepEqual([...input.files!.keys()].sort(), ["kernels/x.ts", "mod.ts"]);
    assert.match(input.fingerprint, /^[0-9a-f]{64}$/);
  });
});

Deno.test("grader: a tito archive of another module is refused with its name", async () => {
  await withDir(async (dir) => {
    const manifest = { format: "tinytorch-submission/1", module: "tensor", files: [] };
    await Deno.writeFile(
      `${dir}/a.zip`,
      zipSync({
        "manifest.json": text(JSON.stringify(manifest)),
        "modules/tensor/mod.ts": text(""),
      }),
    );
    assert.match(
      (await read(dir, "a.zip", "zip")).error ?? "",
      /module "tensor", not "quantization"/,
    );
  });
});

Deno.test("grader: a repository tarball under a top folder and a bare module folder both work", async () => {
  await withDir(async (dir) => {
    const tar = writeTar([
      { path: "me-repo/README.md", data: text("#") },
      { path: "me-repo/modules/quantization/mod.ts", data: text("m") },
    ]);
    await Deno.writeFile(`${dir}/r.tar.gz`, gzipSync(tar));
    assert.deepEqual([...(await read(dir, "r.tar.gz", "tar.gz")).files!.keys()], ["mod.ts"]);
    await Deno.writeFile(
      `${dir}/m.zip`,
      zipSync({ "quantization/mod.ts": text("m"), "quantization/a/b.ts": text("b") }),
    );
    assert.deepEqual([...(await read(dir, "m.zip", "zip")).files!.keys()].sort(), [
      "a/b.ts",
      "mod.ts",
    ]);
  });
});

Deno.test("grader: links, absolute paths and .. entries refuse the whole submission", async () => {
  await withDir(async (dir) => {
    const cases: [string, Uint8Array][] = [
      ["link.tar", writeTar([{ path: "mod.ts", link: "/etc/passwd" }])],
      [
        "hard.tar",
        writeTar([{ path: "a.ts", data: text("") }, { path: "mod.ts", link: "a.ts", hard: true }]),
      ],
      ["up.zip", zipSync({ "../../mod.ts": text("x") })],
      ["abs.tar", writeTar([{ path: "/tmp/mod.ts", data: text("x") }])],
    ];
    for (const [name, data] of cases) {
      await Deno.writeFile(`${dir}/${name}`, data);
      const input = await read(dir, name, name.endsWith(".zip") ? "zip" : "tar");
      assert.equal(input.files, undefined, name);
      assert.match(input.error ?? "", /Refused/, name);
    }
  });
});

Deno.test("grader: a folder with a symlink is refused; a folder holding one archive is read", async () => {
  await withDir(async (dir) => {
    await Deno.mkdir(`${dir}/sym`);
    await Deno.writeTextFile(`${dir}/sym/mod.ts`, "export {};");
    await Deno.symlink("/etc/hostname", `${dir}/sym/secret.ts`);
    assert.match((await read(dir, "sym", "folder")).error ?? "", /symbolic link/);
    await Deno.mkdir(`${dir}/gs`);
    await Deno.writeFile(`${dir}/gs/q.zip`, zipSync({ "mod.ts": text("export {};") }));
    assert.deepEqual([...(await read(dir, "gs", "folder")).files!.keys()], ["mod.ts"]);
  });
});

Deno.test("grader: garbage and empty submissions become errors, not exceptions", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/bad.zip`, "this is not a zip");
    assert.match((await read(dir, "bad.zip", "zip")).error ?? "", /Cannot read the submission/);
    await Deno.mkdir(`${dir}/empty`);
    assert.match((await read(dir, "empty", "folder")).error ?? "", /No TypeScript sources/);
  });
});

Deno.test("grader: folders and archives past the byte and entry caps are refused before they are read", async () => {
  await withDir(async (dir) => {
    const rss = Deno.memoryUsage().rss;
    await Deno.mkdir(`${dir}/sparse`);
    await Deno.writeTextFile(`${dir}/sparse/mod.ts`, "export {};");
    using huge = await Deno.open(`${dir}/sparse/weights.bin`, { write: true, create: true });
    await huge.truncate(3 * 2 ** 30);
    assert.match(
      (await read(dir, "sparse", "folder")).error ?? "",
      /Refused: "weights.bin" is 3 GiB, over the limit of 16 MiB/,
    );
    using archive = await Deno.open(`${dir}/huge.zip`, { write: true, create: true });
    await archive.truncate(3 * 2 ** 30);
    assert.match(
      (await read(dir, "huge.zip", "zip")).error ?? "",
      /Refused: the archive is 3 GiB, over the limit of 64 MiB/,
    );
    assert.ok(Deno.memoryUsage().rss - rss < 2 ** 28, "nothing of the 3 GiB was read");

    await Deno.mkdir(`${dir}/many_large`);
    for (let i = 0; i < 5; i++) {
      using f = await Deno.open(`${dir}/many_large/${i}.bin`, { write: true, create: true });
      await f.truncate(15 * 2 ** 20);
    }
    assert.match(
      (await read(dir, "many_large", "folder")).error ?? "",
      /the folder's files add up to more than the limit of 64 MiB/,
    );
    await Deno.mkdir(`${dir}/many/a`, { recursive: true });
    await Promise.all(
      Array.from({ length: 5001 }, (_, i) => Deno.writeTextFile(`${dir}/many/a/${i}.ts`, "")),
    );
    assert.match(
      (await read(dir, "many", "folder")).error ?? "",
      /the folder has more than 5000 entries/,
    );
  });
});

Deno.test("grader: one archived file past 16 MiB is refused, in zip and tar alike", async () => {
  await withDir(async (dir) => {
    const zeros = new Uint8Array(17 * 2 ** 20);
    await Deno.writeFile(`${dir}/big.zip`, zipSync({ "mod.ts": text(""), "big.ts": zeros }));
    assert.match(
      (await read(dir, "big.zip", "zip")).error ?? "",
      /"big.ts" expands to 17 MiB, more than the 16 MiB a file may hold/,
    );
    await Deno.writeFile(`${dir}/big.tgz`, gzipSync(writeTar([{ path: "big.ts", data: zeros }])));
    assert.match(
      (await read(dir, "big.tgz", "tar.gz")).error ?? "",
      /an entry holds 17 MiB, more than the 16 MiB a file may hold/,
    );
  });
});

Deno.test("grader: entries the sandbox could not write make a submission unreadable", async () => {
  await withDir(async (dir) => {
    const cases: [string, Uint8Array, RegExp][] = [
      [
        "both.tar",
        writeTar([{ path: "a.ts", data: text("") }, { path: "a.ts/b.ts", data: text("") }]),
        /"a.ts" is both a file and a folder/,
      ],
      [
        "twice.tar",
        writeTar([{ path: "mod.ts", data: text("") }, { path: "./mod.ts", data: text("") }]),
        /"\.\/mod.ts" is stored twice/,
      ],
      ["long.zip", zipSync({ [`${"x".repeat(300)}.ts`]: text("") }), /longer than 255 bytes/],
    ];
    for (const [name, data, why] of cases) {
      await Deno.writeFile(`${dir}/${name}`, data);
      const input = await read(dir, name, name.endsWith(".zip") ? "zip" : "tar");
      assert.equal(input.files, undefined, name);
      assert.match(input.error ?? "", why, name);
    }
  });
});
