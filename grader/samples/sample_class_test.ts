import assert from "node:assert/strict";
import { findModule } from "@tinytorch/course";
import { gunzipCapped } from "../intake/archive.ts";
import { autograde } from "../autograde.ts";
import { studentDir } from "../report/class_outputs.ts";
import { repositoryRoot } from "../paths.ts";
import { packSample } from "./sample_archives.ts";
import { buildSampleClass, SAMPLE_MODULE } from "./sample_class.ts";
import { readTar } from "../intake/tar.ts";
import { readZip } from "../intake/zip_reader.ts";

const root = repositoryRoot();
const examples = `${root}/grader/examples`;

/**
 * Every sample's exact score. When the quantization module's cases change, re-run
 * `deno run -A grader/samples/build_examples.ts` and `deno task grade autograde --module quantization`
 * and update the partial scores here (the cheats must keep their honest twin's score).
 */
const EXPECTED: Record<string, [number, string]> = {
  "ada_correct": [100, "graded"],
  "ben_partial": [51.82, "graded"],
  "cal_untouched_stub": [0, "graded"],
  "dan_syntax_error": [0, "load-error"],
  "eve_type_error": [100, "graded"],
  "fay_hangs_on_large_values": [97.86, "graded"],
  "gus_exit_at_import": [0, "load-error"],
  "hal_patched_assert": [0, "graded"],
  "ivy_replaced_deno_test": [0, "graded"],
  "jon_fake_result_lines": [51.82, "graded"],
  "kim_absolute_import": [0, "forbidden-import"],
  "lea_rewrites_cases": [0, "graded"],
  "mia_patched_to_json": [0, "load-error"],
  "ned_patched_promise": [0, "load-error"],
  "ola_object_then": [0, "load-error"],
  "pat_forged_messages": [0, "graded"],
  "quin_heap_snapshot": [0, "load-error"],
  "rae_encoded_import": [0, "forbidden-import"],
  "sol_progress_output": [100, "graded"],
  "tom_memory_bomb": [0, "load-error"],
  "uma_worker_bomb": [0, "graded"],
  "val_sleeps_forever": [0, "load-error"],
  "wes_fills_disk": [0, "load-error"],
};

Deno.test("grader: the sample class gets its exact scores and no cheat gains a point", async () => {
  const out = await Deno.makeTempDir({ prefix: "tinytorch-sample-class-" });
  try {
    const report = await autograde({ root, module: SAMPLE_MODULE, submissions: examples, out });
    const got = Object.fromEntries(report.results.map((r) => [r.student, [r.score, r.status]]));
    assert.deepEqual(got, EXPECTED);
    const by = Object.fromEntries(report.results.map((r) => [r.student, r]));
    assert.deepEqual(
      by.jon_fake_result_lines.tasks,
      by.ben_partial.tasks,
      "fake lines change nothing",
    );
    assert.match(by.eve_type_error.typeErrors ?? "", /TS2322/);
    const dan = await Deno.readTextFile(`${studentDir(out, "dan_syntax_error")}/feedback.md`);
    assert.match(dan, /The module does not load: SyntaxError: .*\(the line is where Deno noticed/);
    assert.match(dan, /```text\n +\|\n\d+ \| /, "Deno's code frame, verbatim");
    assert.doesNotMatch(dan, /TypeError: SyntaxError|still ran|## Type errors/, "said once, truly");
    assert.match(
      by.kim_absolute_import.notes.join("\n"),
      /round_half_to_even\.ts imports "file:\/\//,
    );
    assert.deepEqual(
      by.fay_hangs_on_large_values.cases.filter((c) => !c.passed).map((c) => c.kind),
      ["time-limit", "time-limit", "time-limit"],
    );
    for (const f of ["grades.csv", "report.html"]) await Deno.stat(`${out}/${f}`);
    for (const s of Object.keys(EXPECTED)) {
      for (const f of ["results.json", "feedback.md", "result.json"]) {
        await Deno.stat(`${studentDir(out, s)}/${f}`);
      }
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

function filesOf(name: string, data: Uint8Array): Map<string, string> {
  const entries = name.endsWith(".zip") ? readZip(data) : readTar(gunzipCapped(data, 1 << 26));
  const decoder = new TextDecoder();
  return new Map(
    entries.map((e) => [
      e.path,
      decoder.decode(e.data).replace(/file:\/\/\/\S*?\/modules\//g, "file:///<root>/modules/"),
    ]),
  );
}

Deno.test("grader: the committed sample class matches a fresh build from the reference", async () => {
  const module = findModule(SAMPLE_MODULE);
  const stale: string[] = [];
  for (const sample of await buildSampleClass(root)) {
    const { name, data } = await packSample(sample, module.dir, module.name);
    const committed = await Deno.readFile(`${examples}/${name}`);
    assert.deepEqual(filesOf(name, committed).size, filesOf(name, data).size, name);
    const fresh = filesOf(name, data);
    for (const [path, text] of filesOf(name, committed)) {
      if (fresh.get(path) !== text) stale.push(`${name}: ${path}`);
    }
  }
  assert.deepEqual(
    stale,
    [],
    "run `deno run -A grader/samples/build_examples.ts` to rebuild the samples",
  );
});
