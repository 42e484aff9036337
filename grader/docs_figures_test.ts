// Every count and deterministic figure the docs quote, computed from the registry, the cases, the
// files and a real run of the reference model, and looked up in the doc text. Timings are never
// checked here: the README quotes them as ranges written by `deno task docs:timings`.
// (In grader/ because it reads the instructor's README and grader/examples; releases drop both.)
import assert from "node:assert/strict";
import { MODULES } from "@tinytorch/course";
import { accuracy, loadMnist, referenceMlp } from "@tinytorch/datasets";
import { compareModelSizes, quantizeModel } from "@tinytorch/quantization";
import { exportOnnx } from "@tinytorch/quantization/onnx";

const root = new URL("../", import.meta.url);
const read = (path: string) => Deno.readTextFile(new URL(path, root));

async function caseCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of MODULES) {
    const { cases } = await import(new URL(`modules/${m.name}/cases/mod.ts`, root).href);
    for (const set of cases as { task: string; cases: Record<string, unknown> }[]) {
      counts.set(set.task, Object.keys(set.cases).length);
    }
  }
  return counts;
}

const TASKS = new Map(MODULES.flatMap((m) => m.tasks.map((t) => [t.id, t] as const)));

/** Problems in tito's console samples: task rows, summaries, module lists, start listings. */
function consoleProblems(doc: string, counts: Map<string, number>): string[] {
  const problems: string[] = [];
  let block: { tasks: number; cases: number } = { tasks: 0, cases: 0 };
  doc.split("\n").forEach((line, i) => {
    const at = `line ${i + 1}: ${line.trim()}`;
    const row = /^(?:✅|❌)\s+([a-z]+\.\d+)\s+(.+?)\s+(\d+) pts\s+(\d+)\/(\d+)\s/.exec(line);
    if (row) {
      const task = TASKS.get(row[1]);
      block = { tasks: block.tasks + 1, cases: block.cases + Number(row[5]) };
      if (!task) return; // the fixture course of tito's own tests
      if (task.title !== row[2]) problems.push(`${at}: the title is "${task.title}"`);
      if (task.points !== Number(row[3])) problems.push(`${at}: ${task.points} pts`);
      if (counts.get(row[1]) !== Number(row[5])) {
        problems.push(`${at}: ${row[1]} has ${counts.get(row[1])} cases`);
      }
      return;
    }
    const summary = /^(?:✅|❌) \d+\/(\d+) tasks pass, \d+\/(\d+) cases/.exec(line);
    if (summary) {
      if (Number(summary[1]) !== block.tasks || Number(summary[2]) !== block.cases) {
        problems.push(`${at}: the rows above add up to ${block.tasks} tasks, ${block.cases} cases`);
      }
      block = { tasks: 0, cases: 0 };
      return;
    }
    const listed = /^(\d\d(?:\+\d\d)?)\s+([a-z]+)\s+.+?\s+(\d+)\s+(\d+)\s+\S.*$/.exec(line);
    const module = listed && MODULES.find((m) => m.name === listed[2]);
    if (listed && module) {
      const points = module.tasks.reduce((sum, t) => sum + t.points, 0);
      if (Number(listed[3]) !== module.tasks.length || Number(listed[4]) !== points) {
        problems.push(`${at}: ${module.name} has ${module.tasks.length} tasks, ${points} points`);
      }
    }
    const started = /^\s+([a-z]+\.\d+)\s+(.+) \((\d+) pts\)$/.exec(line);
    const task = started && TASKS.get(started[1]);
    if (started && task && (task.title !== started[2] || task.points !== Number(started[3]))) {
      problems.push(`${at}: ${task.id} is "${task.title}" (${task.points} pts)`);
    }
    const rendered = /^Rendered (\d+) task bodies as stubs \((.+)\)\.$/.exec(line);
    if (rendered) {
      const ids = rendered[2].split(", ");
      const owner = MODULES.find((m) => m.name === ids[0].split(".")[0]);
      if (Number(rendered[1]) !== ids.length || (owner && owner.tasks.length !== ids.length)) {
        problems.push(`${at}: ${owner?.tasks.length ?? ids.length} task bodies`);
      }
    }
  });
  return problems;
}

Deno.test("grader: docs quote every task's title, points and case count as the registry has them", async () => {
  const counts = await caseCounts();
  const problems: string[] = [];
  for (const path of ["docs/tito.md", "docs/student_guide.md", "README.md"]) {
    problems.push(...consoleProblems(await read(path), counts).map((p) => `${path} ${p}`));
  }
  assert.deepEqual(problems, []);
});

Deno.test("grader: the README counts the sample class as the archives in grader/examples", async () => {
  let archives = 0;
  for await (const entry of Deno.readDir(new URL("grader/examples/", root))) {
    if (entry.isFile && /\.(zip|tar\.gz|tgz|tar)$/.test(entry.name)) archives++;
  }
  assert.ok(archives > 0);
  const readme = await read("README.md");
  assert.match(readme, new RegExp(`grades the embedded sample class \\(${archives} samples\\)`));
});

Deno.test("grader: the README's accuracy and bytes are what the reference and its int8 version give", async () => {
  const { train, test } = await loadMnist();
  const fp32 = await referenceMlp();
  const base = accuracy(fp32.forward(test.images), test.labels);
  const { model } = quantizeModel(fp32, train.images.slice(0, 500), {
    perChannel: true,
    observer: "minmax",
  });
  const int8 = accuracy(model.forward(test.images), test.labels);
  const sizes = compareModelSizes(fp32, model);
  const pct = (a: number) => `${(a * 100).toFixed(2)}%`;
  const n = (x: number) => x.toLocaleString("en-US");
  const drop = ((base - int8) * 100).toFixed(2);
  const readme = await read("README.md");
  const row = (label: string, a: string, b: string) =>
    new RegExp(
      `\\| ${label} +\\| ${a.replace(".", "\\.")} +\\| ${b.replace(/[.()]/g, "\\$&")} +\\|`,
    );
  assert.match(readme, new RegExp(`accuracy on the ${n(test.labels.size)} test digits`));
  assert.match(
    readme,
    row(
      `accuracy on the ${n(test.labels.size)} test digits`,
      pct(base),
      `${pct(int8)} (${drop} points lost)`,
    ),
  );
  assert.match(
    readme,
    row(
      "bytes stored",
      n(sizes.originalBytes),
      `${n(sizes.quantizedBytes)} (${sizes.ratio.toFixed(2)}× smaller)`,
    ),
  );
  assert.match(
    readme,
    new RegExp(`loads ${n(train.labels.size + test.labels.size)} real MNIST digits`),
  );
  const tito = await read("docs/tito.md");
  const hits = Math.round(base * test.labels.size);
  assert.match(
    tito,
    new RegExp(`${pct(base).replace(".", "\\.")} \\(${hits}/${test.labels.size}\\)`),
  );
  assert.match(
    tito,
    new RegExp(`accuracy: fp32 ${pct(base)}, int8 ${pct(int8)}`.replaceAll(".", "\\.")),
  );
  assert.match(
    tito,
    new RegExp(`bytes: fp32 ${sizes.originalBytes}, int8 ${sizes.quantizedBytes}`),
  );
  const params = fp32.parameters().reduce((sum, p) => sum + p.size, 0);
  assert.match(tito, new RegExp(`${n(params)} parameters`));
});

Deno.test("grader: no module README still says a tito command is coming", async () => {
  for (const m of MODULES) {
    assert.doesNotMatch(await read(`modules/${m.name}/README.md`), /coming with tito/, m.name);
  }
});

Deno.test("grader: the quantization lesson's accuracy, bits and bytes are what the demo's experiments give", async () => {
  const { variants, bitsSweep } = await import("../tito/demo/experiments.ts");
  const { train, test } = await loadMnist();
  const fp32 = await referenceMlp();
  const calibration = train.images.slice(0, 500);
  const base = accuracy(fp32.forward(test.images), test.labels);
  const lesson = await read("modules/quantization/README.md");
  const pct = (a: number) => `${(a * 100).toFixed(2)}%`;
  const escape = (s: string) => s.replace(/[.()|]/g, "\\$&");
  const signed = (points: number) => {
    const text = points.toFixed(2);
    return text.startsWith("-") ? `−${text.slice(1)}` : text;
  };
  assert.match(lesson, new RegExp(`scores ${escape(pct(base))} on the 2,000 test`));
  for (const v of variants(fp32, calibration, test, base)) {
    assert.match(
      lesson,
      new RegExp(`\\| ${v.name} +\\| +${escape(pct(v.accuracy))} \\| +${signed(v.dropPoints)} \\|`),
      v.name,
    );
    const kind = v.name.startsWith("per-channel") ? "per-channel" : "per-tensor";
    const bytes = new RegExp(
      `\\| reference MLP, ${kind} +\\| +437,544 \\| +${v.bytes.toLocaleString("en-US")} \\| ${
        escape(v.ratio.toFixed(2))
      }× \\|`,
    );
    assert.match(lesson, bytes, v.name);
  }
  const sweep = bitsSweep(fp32, calibration, test).map((s) => `${s.bits} → ${pct(s.accuracy)}`);
  assert.match(lesson, new RegExp(escape(sweep.join(", "))));
  const guide = await read("docs/student_guide.md");
  const { model } = quantizeModel(fp32, calibration, { perChannel: true, observer: "minmax" });
  const int8 = accuracy(model.forward(test.images), test.labels);
  const sizes = compareModelSizes(fp32, model);
  assert.match(
    guide,
    new RegExp(escape(`${((base - int8) * 100).toFixed(2)} points (${pct(base)} → ${pct(int8)})`)),
  );
  assert.match(
    guide,
    new RegExp(
      escape(`${sizes.ratio.toFixed(2)}× (${sizes.originalBytes} → ${sizes.quantizedBytes} B)`),
    ),
  );
});

Deno.test("grader: the README, the student guide and tito.md quote the ONNX files' sizes as exportOnnx writes them", async () => {
  const { train } = await loadMnist();
  const fp32 = await referenceMlp();
  const { model } = quantizeModel(fp32, train.images.slice(0, 500), {
    perChannel: true,
    observer: "minmax",
  });
  const float = exportOnnx(fp32).length;
  const int8 = exportOnnx(model, { form: "qdq" }).length;
  const n = (x: number) => x.toLocaleString("en-US");
  const ratio = `${(float / int8).toFixed(2)}×`.replace(".", "\\.");
  // Whitespace is normalised: the figures must survive a reflow of the paragraph.
  const readme = (await read("README.md")).replace(/\s+/g, " ");
  assert.match(
    readme,
    new RegExp(
      `a file ${ratio} smaller than the float32 export \\(${n(int8)} against ${n(float)} bytes\\)`,
    ),
  );
  const milestone = new RegExp(`${ratio} \\(\`?${n(float)} → ${n(int8)} B`);
  assert.match(await read("docs/student_guide.md"), milestone);
  assert.match(
    (await read("docs/tito.md")).replace(/\s+/g, " "),
    new RegExp(`${ratio} smaller \\(\`${n(float)} → ${n(int8)} B`),
  );
});
