import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { DEMO_MODULES, DEMO_SOURCES, demoTask, fixtureCourse } from "./_fixture_course.ts";
import { autograde, type AutogradeOptions } from "./autograde.ts";
import { studentDir } from "./report/class_outputs.ts";
import { diskShortage, freeBytes } from "./disk_space.ts";
import { probeIsolation } from "./sandbox/os_isolation.ts";

const text = (s: string) => new TextEncoder().encode(s);

async function fixtureClass(): Promise<{ root: string; submissions: string; out: string }> {
  const root = await fixtureCourse();
  const submissions = `${root}/class`;
  await Deno.mkdir(`${submissions}/ada`, { recursive: true });
  for (const [p, t] of Object.entries(DEMO_SOURCES)) {
    await Deno.writeTextFile(`${submissions}/ada/${p}`, t);
  }
  const [path, source] = demoTask("demo.2", "for (;;) k++;");
  await Deno.writeFile(
    `${submissions}/ben.zip`,
    zipSync(
      Object.fromEntries(
        Object.entries({ ...DEMO_SOURCES, [path]: source }).map(([p, t]) => [p, text(t)]),
      ),
    ),
  );
  await Deno.writeTextFile(`${submissions}/cal.zip`, "not a zip");
  return { root, submissions, out: `${root}/out` };
}

function options(c: { root: string; submissions: string; out: string }): AutogradeOptions {
  return {
    root: c.root,
    module: "demo",
    submissions: c.submissions,
    out: c.out,
    modules: DEMO_MODULES,
    typeCheck: false,
    jobs: 2,
    limits: { caseTimeoutMs: 500 },
  };
}

Deno.test("grader: autograde() writes every output, then resumes without re-grading", async () => {
  const c = await fixtureClass();
  try {
    const first = await autograde(options(c));
    assert.deepEqual(first.results.map((r) => [r.student, r.score, r.status]), [
      ["ada", 40, "graded"],
      ["ben", 20, "graded"],
      ["cal", 0, "unreadable"],
    ]);
    assert.equal(first.graded, 3);
    for (const s of ["ada", "ben", "cal"]) {
      for (const f of ["results.json", "feedback.md", "result.json", "log.txt"]) {
        await Deno.stat(`${studentDir(c.out, s)}/${f}`);
      }
    }
    const csv = await Deno.readTextFile(`${c.out}/grades.csv`);
    assert.equal(csv.split("\n")[2], "ben,demo,20,40,10,0,10,graded");
    assert.match(await Deno.readTextFile(`${c.out}/report.html`), /<svg/);
    const gradescope = JSON.parse(
      await Deno.readTextFile(`${studentDir(c.out, "ben")}/results.json`),
    );
    assert.equal(gradescope.score, 20);

    const second = await autograde(options(c));
    assert.equal(second.graded, 0);
    assert.equal(second.skipped, 3);
    await Deno.writeTextFile(
      `${c.submissions}/ada/add.ts`,
      DEMO_SOURCES["add.ts"].replace("a + b", "a * b"),
    );
    const third = await autograde(options(c));
    assert.equal(third.graded, 1, "a changed submission is graded again");
    assert.equal(third.results[0].score, 40 - 10);
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});

Deno.test("grader: autograde() --only grades one student and keeps the whole class in the outputs", async () => {
  const c = await fixtureClass();
  try {
    await autograde(options(c));
    const csv = await Deno.readTextFile(`${c.out}/grades.csv`);
    const forced = await autograde({ ...options(c), force: true, only: "cal" });
    assert.equal(forced.graded, 1);
    assert.equal(forced.skipped, 0);
    assert.deepEqual(forced.results.map((r) => r.student), ["ada", "ben", "cal"]);
    assert.equal(await Deno.readTextFile(`${c.out}/grades.csv`), csv, "nobody dropped out");
    assert.match(await Deno.readTextFile(`${c.out}/report.html`), /ben/);
    await assert.rejects(
      autograde({ ...options(c), only: "zed" }),
      /Cannot find a submission of "zed"/,
    );
    for (const out of [c.submissions, `${c.submissions}/graded`, `${c.submissions}/./ada/../x`]) {
      await assert.rejects(
        autograde({ ...options(c), out }),
        /Cannot write the grades to .*: it is inside the submissions folder/,
      );
    }
    await assert.rejects(Deno.stat(`${c.submissions}/graded`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});

Deno.test("grader: autograde() re-grades when the grading setup changed, not otherwise", async () => {
  const c = await fixtureClass();
  try {
    const first = await autograde({ ...options(c), only: "ada" });
    assert.equal(first.graded, 1);
    const setup = first.results[0].setup;
    assert.match(setup ?? "", /^[0-9a-f]{64}$/);
    const same = await autograde({ ...options(c), only: "ada" });
    assert.equal(same.graded, 0, "same submission, same setup: skipped");
    const limits = { caseTimeoutMs: 600 };
    const longer = await autograde({ ...options(c), only: "ada", limits });
    assert.equal(longer.graded, 1, "another limit re-grades");
    assert.notEqual(longer.results[0].setup, setup);
    assert.equal((await autograde({ ...options(c), only: "ada", limits })).graded, 0);
    const hidden = `${c.root}/grader/hidden/demo/hidden.ts`;
    await Deno.writeTextFile(hidden, (await Deno.readTextFile(hidden)) + "// changed\n");
    const edited = await autograde({ ...options(c), only: "ada", limits });
    assert.equal(edited.graded, 1, "a changed hidden case file re-grades");
    const heap = await autograde({ ...options(c), only: "ada", limits: { heapMb: 256 } });
    assert.equal(heap.graded, 1, "so does another heap cap");
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});

Deno.test("grader: an aborted run stores the running submissions as interrupted", async () => {
  const c = await fixtureClass();
  try {
    const controller = new AbortController();
    const slow = { ...options(c), jobs: 1, limits: { caseTimeoutMs: 5000, timeoutMs: 2000 } };
    const report = await autograde({
      ...slow,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.result.student === "ada") {
          setTimeout(() => controller.abort(new Error("SIGINT")), 300);
        }
      },
    });
    assert.equal(report.interrupted, true);
    const byStudent = Object.fromEntries(report.results.map((r) => [r.student, r.status]));
    assert.equal(byStudent.ada, "graded");
    assert.equal(byStudent.ben, "interrupted");
    assert.equal(byStudent.cal, undefined, "not started: nothing written");
    const resumed = await autograde(slow);
    assert.equal(resumed.graded, 2, "ben is graded again, cal for the first time");
    assert.equal(resumed.skipped, 1);
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});

Deno.test("grader: students whose names differ only in script, spaces, case or normal form keep their own outputs", async () => {
  const root = await fixtureCourse();
  const submissions = `${root}/class`;
  const out = `${root}/out`;
  // NFC and NFD spellings of "josé", a space against an underscore, case only, two CJK names.
  const names = ["王芳", "李娜", "ada smith", "ada_smith", "Ada", "ada", "jos\u00e9", "jose\u0301"];
  const wrong = new Set(["李娜", "ada_smith", "ada", "jose\u0301"]);
  try {
    for (const name of names) {
      await Deno.mkdir(`${submissions}/${name}`, { recursive: true });
      for (const [p, t] of Object.entries(DEMO_SOURCES)) {
        const source = wrong.has(name) && p === "add.ts" ? t.replace("a + b", "a * b") : t;
        await Deno.writeTextFile(`${submissions}/${name}/${p}`, source);
      }
    }
    const c = { root, submissions, out };
    const first = await autograde(options(c));
    const score = (r: { results: readonly { student: string; score: number }[] }) =>
      Object.fromEntries(r.results.map((x) => [x.student, x.score]));
    const want = Object.fromEntries(names.map((n) => [n, wrong.has(n) ? 30 : 40]));
    assert.deepEqual(score(first), want);
    const folders = names.map((n) => studentDir(out, n));
    assert.equal(new Set(folders).size, names.length, folders.join("\n"));
    for (const name of names) {
      const stored = JSON.parse(await Deno.readTextFile(`${studentDir(out, name)}/result.json`));
      assert.equal(stored.student, name);
    }
    const forced = await autograde({ ...options(c), force: true, only: "李娜" });
    assert.equal(forced.graded, 1);
    assert.deepEqual(score(forced), want, "王芳 keeps her 40");
    const rows = (await Deno.readTextFile(`${out}/grades.csv`)).trim().split("\n").slice(1);
    assert.equal(rows.length, names.length, "one row per student, none twice");
    assert.equal(new Set(rows.map((r) => r.split(",")[0])).size, names.length);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("grader: without free disk space grading stops and every stored result is kept byte for byte", async () => {
  const c = await fixtureClass();
  try {
    await autograde(options(c));
    const files = ["ada", "ben", "cal"].map((s) => `${studentDir(c.out, s)}/result.json`);
    const before = await Promise.all(files.map((f) => Deno.readTextFile(f)));
    const full = await autograde({ ...options(c), force: true, minFreeBytes: 2 ** 60 });
    assert.match(
      full.diskFull ?? "",
      /^only [\d.]+ [GMK]iB free on .*\/out, less than the 1073741824 GiB grading needs$/,
    );
    assert.equal(full.graded, 0, "nothing started");
    assert.deepEqual(full.results.map((r) => [r.student, r.status]), [
      ["ada", "graded"],
      ["ben", "graded"],
      ["cal", "unreadable"],
    ]);
    assert.deepEqual(await Promise.all(files.map((f) => Deno.readTextFile(f))), before);
    assert.equal((await autograde(options(c))).diskFull, undefined);
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});

Deno.test("grader: diskShortage() names the path, its free space and the minimum", async () => {
  const free = await freeBytes(Deno.cwd());
  assert.ok(free > 0);
  assert.equal(await diskShortage([Deno.cwd()], 1), undefined);
  assert.match(
    (await diskShortage([Deno.cwd()], free * 4)) ?? "",
    /^only [\d.]+ [GMK]iB free on .+, less than the [\d.]+ [GMK]iB grading needs$/,
  );
});

Deno.test("grader: both isolation modes give the same scores, and each result says which it had", async () => {
  const c = await fixtureClass();
  try {
    const os = await probeIsolation().then((i) => i.mode === "os", () => false);
    const modes = os ? (["os", "process"] as const) : (["process"] as const);
    const scores: unknown[] = [];
    for (const isolation of modes) {
      const out = `${c.out}-${isolation}`;
      const report = await autograde({ ...options(c), out, isolation });
      assert.equal(report.isolation.mode, isolation);
      for (const r of report.results) {
        assert.match(r.isolation ?? "", isolation === "os" ? /^os \(bubblewrap, / : /^process$/);
      }
      scores.push(report.results.map((r) => [r.student, r.score, r.status]));
    }
    assert.ok(
      scores.every((s) => JSON.stringify(s) === JSON.stringify(scores[0])),
      JSON.stringify(scores),
    );
  } finally {
    await Deno.remove(c.root, { recursive: true });
  }
});
