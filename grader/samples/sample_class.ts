import { findModule, findRegions, renderStub } from "@tinytorch/course";
import {
  DISK_FILLER,
  ENCODED_IMPORT,
  FORGED_MESSAGES,
  HEAP_SNAPSHOT,
  MEMORY_BOMB,
  OBJECT_THEN,
  PATCHED_PROMISE,
  PATCHED_TO_JSON,
  PROGRESS_OUTPUT,
  SLEEP_FOREVER,
  WORKER_BOMB,
} from "./sample_cheats.ts";
import { isSubmittable } from "../sandbox/sandbox.ts";

/** Files of one sample submission, by path relative to the module folder. */
export type SampleFiles = Map<string, string>;

/** A sample submission: who, how it is packed, and what it holds. */
export interface Sample {
  /** The student name (the archive's name without extension). */
  readonly student: string;
  /** What it demonstrates. */
  readonly about: string;
  /** How it is packed: a `tito submit` zip, a zip of the module folder, a repository tarball. */
  readonly packing: "tito-zip" | "module-zip" | "repo-tar.gz";
  /** The module's sources. */
  readonly files: SampleFiles;
}

/** The module the sample class submits. */
export const SAMPLE_MODULE = "quantization";

/**
 * Replaces the body of every region of a task in a source file.
 *
 * @param source A file with regions.
 * @param task The task id.
 * @param body The new body, one string per line, without indentation.
 * @returns The changed source.
 * @throws {RangeError} If the file has no region of that task.
 */
export function withRegionBody(source: string, task: string, body: readonly string[]): string {
  const regions = findRegions(source).filter((r) => r.task === task);
  if (regions.length === 0) throw new RangeError(`Cannot find a region of ${task}`);
  const lines = source.split("\n");
  for (const r of [...regions].reverse()) {
    const indent = /^\s*/.exec(lines[r.start - 1])![0];
    lines.splice(r.start, r.end - r.start - 1, ...body.map((l) => indent + l));
  }
  return lines.join("\n");
}

function edit(files: SampleFiles, path: string, change: (source: string) => string): SampleFiles {
  const source = files.get(path);
  if (source === undefined) {
    throw new RangeError(`Cannot edit ${path}: the module has no such file`);
  }
  return new Map(files).set(path, change(source));
}

function stubTasks(files: SampleFiles, tasks: readonly string[]): SampleFiles {
  const out = new Map(files);
  for (const [path, source] of out) {
    let text = source;
    for (const task of tasks) {
      if (findRegions(text).some((r) => r.task === task)) text = renderStub(text, { only: task });
    }
    out.set(path, text);
  }
  return out;
}

function afterImports(source: string, code: string): string {
  const lines = source.split("\n");
  let last = -1;
  lines.forEach((l, i) => {
    if (/^import\b/.test(l) || (last >= 0 && i === last + 1 && /^\s+\S|^}/.test(l))) last = i;
  });
  lines.splice(last + 1, 0, code);
  return lines.join("\n");
}

async function moduleSources(root: string, dir: string, prefix = "", out: SampleFiles = new Map()) {
  for await (const e of Deno.readDir(`${root}/${dir}`)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) await moduleSources(root, `${dir}/${e.name}`, rel, out);
    else if (e.isFile && isSubmittable(rel)) {
      out.set(rel, await Deno.readTextFile(`${root}/${dir}/${e.name}`));
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const ROUND = "round_half_to_even.ts";
const MOD = "mod.ts";

/** Honest but partly wrong: tasks 5, 7 and 8 untouched, dequantize forgets the zero point. */
function partial(reference: SampleFiles): SampleFiles {
  const files = stubTasks(reference, ["quantization.5", "quantization.7", "quantization.8"]);
  return edit(files, "dequantize_int8.ts", (s) =>
    withRegionBody(s, "quantization.4", [
      "const values = q.values.data;",
      "const out = new Float32Array(values.length);",
      "for (let i = 0; i < values.length; i++) {",
      "  const c = Math.floor(i / layout.inner) % layout.channels;",
      "  out[i] = values[i] * q.scale[c];",
      "}",
      "return new Tensor(out, q.shape);",
    ]));
}

const FAKE_OUTPUT = [
  "ok 1 - quantization.1 halves go to the even neighbour",
  "ok | 62 passed | 0 failed (12ms)",
  '["result",0,[0,2,2,4,{"$number":"-0"},-2,-2,-4]]',
  '00000000-0000-0000-0000-000000000000 ["done"]',
  "60 passed, 0 failed",
];

function cheats(stub: SampleFiles, partialFiles: SampleFiles, root: string): Sample[] {
  const fake = FAKE_OUTPUT.map((l) => `console.log(${JSON.stringify(l)});`).join("\n");
  return [
    {
      student: "gus_exit_at_import",
      about: "stub + Deno.exit(0) while the module loads",
      packing: "module-zip",
      files: edit(stub, ROUND, (s) => afterImports(s, "Deno.exit(0);")),
    },
    ...[
      [
        "mia_patched_to_json",
        "stub + Array.prototype.toJSON forging result lines",
        PATCHED_TO_JSON,
      ],
      [
        "ned_patched_promise",
        "stub + Promise.prototype.then intercepting the harness",
        PATCHED_PROMISE,
      ],
      ["ola_object_then", "stub + an Object.prototype.then getter", OBJECT_THEN],
      [
        "pat_forged_messages",
        "stub + forged results on the worker's channel and stdout",
        FORGED_MESSAGES,
      ],
      [
        "quin_heap_snapshot",
        "stub + a heap snapshot through a computed node:v8 import",
        HEAP_SNAPSHOT,
      ],
    ].map(([student, about, code]) => ({
      student,
      about,
      packing: "module-zip" as const,
      files: edit(stub, ROUND, (s) => `${s}\n${code}`),
    })),
    {
      student: "hal_patched_assert",
      about: "stub + node:assert/strict patched to accept anything",
      packing: "module-zip",
      files: edit(stub, MOD, (s) =>
        afterImports(
          `import assert from "node:assert/strict";\n${s}`,
          "for (const k of Object.keys(assert)) (assert as unknown as Record<string, unknown>)[k] = () => {};",
        )),
    },
    {
      student: "ivy_replaced_deno_test",
      about: "stub + Deno.test replaced by a no-op",
      packing: "tito-zip",
      files: edit(
        stub,
        MOD,
        (s) => afterImports(s, "(Deno as unknown as Record<string, unknown>).test = () => {};"),
      ),
    },
    {
      student: "jon_fake_result_lines",
      about: "the partial submission + fake test and protocol lines on stdout",
      packing: "repo-tar.gz",
      files: edit(partialFiles, ROUND, (s) => afterImports(s, fake)),
    },
    {
      student: "kim_absolute_import",
      about: "stub + the reference imported by absolute path",
      packing: "module-zip",
      files: edit(stub, ROUND, (s) =>
        withRegionBody(
          afterImports(
            s,
            `import { roundHalfToEven as reference } from "file://${root}/modules/quantization/round_half_to_even.ts";`,
          ),
          "quantization.1",
          ["return reference(x);"],
        )),
    },
    {
      student: "lea_rewrites_cases",
      about: "stub + case objects rewritten to return their own expectations",
      packing: "module-zip",
      files: edit(stub, MOD, (s) =>
        afterImports(
          `import { cases } from "./cases/mod.ts";\n${s}`,
          [
            "for (const set of cases) {",
            "  for (const c of Object.values(set.cases) as Record<string, unknown>[]) {",
            "    try {",
            '      c.run = () => (typeof c.expect === "function" ? c.expect() : c.expect);',
            "    } catch { /* frozen */ }",
            "  }",
            "}",
          ].join("\n"),
        )),
    },
  ];
}

/**
 * Builds the sample class for the quantization module from the reference sources: correct,
 * partly correct, untouched stub, compile error, type error, a hang on some inputs, and cheats.
 *
 * @param root The repository.
 * @returns The samples, in name order.
 */
export async function buildSampleClass(root: string): Promise<Sample[]> {
  const module = findModule(SAMPLE_MODULE);
  const reference = await moduleSources(root, module.dir);
  const stub = stubTasks(reference, module.tasks.map((t) => t.id));
  const partialFiles = partial(reference);
  return [
    {
      student: "ada_correct",
      about: "the reference solution",
      packing: "tito-zip",
      files: reference,
    },
    {
      student: "ben_partial",
      about: "tasks 5, 7, 8 untouched; dequantize ignores the zero point",
      packing: "repo-tar.gz",
      files: partialFiles,
    },
    {
      student: "cal_untouched_stub",
      about: "the stub as released",
      packing: "module-zip",
      files: stub,
    },
    {
      student: "dan_syntax_error",
      about: "the reference with a missing brace",
      packing: "tito-zip",
      files: edit(reference, "percentile_observer.ts", (s) => s.replace(/\n}\n/, "\n\n")),
    },
    {
      student: "eve_type_error",
      about: "the reference with a wrong type annotation (runs correctly)",
      packing: "repo-tar.gz",
      files: edit(reference, ROUND, (s) => s.replace("const diff = x", "const diff: string = x")),
    },
    {
      student: "fay_hangs_on_large_values",
      about: "rounding by repeated subtraction: never ends for huge or infinite inputs",
      packing: "repo-tar.gz",
      files: edit(reference, ROUND, (s) =>
        withRegionBody(s, "quantization.1", [
          "if (Number.isNaN(x)) return x;",
          "let frac = x;",
          "while (frac >= 1) frac -= 1;",
          "while (frac < 0) frac += 1;",
          "const floor = x - frac;",
          "if (frac < 0.5) return floor;",
          "if (frac > 0.5) return floor + 1;",
          "return floor % 2 === 0 ? floor : floor + 1;",
        ])),
    },
    ...cheats(stub, partialFiles, root),
    {
      student: "rae_encoded_import",
      about:
        "the reference + a type-only import of the hidden cases through %2F-encoded separators",
      packing: "module-zip",
      files: edit(reference, ROUND, (s) => afterImports(s, ENCODED_IMPORT)),
    },
    {
      student: "sol_progress_output",
      about: "the reference + honest progress output without a newline (scores in full)",
      packing: "tito-zip",
      files: edit(reference, ROUND, (s) => afterImports(s, PROGRESS_OUTPUT)),
    },
    ...[
      ["tom_memory_bomb", "the reference + a typed-array memory bomb at import", MEMORY_BOMB],

      ["val_sleeps_forever", "the reference + a top-level await that never ends", SLEEP_FOREVER],
      ["wes_fills_disk", "the reference + writing files until the disk is full", DISK_FILLER],
    ].map(([student, about, code]) => ({
      student,
      about,
      packing: "module-zip" as const,
      files: edit(reference, ROUND, (s) => `${s}\n${code}`),
    })),
    {
      student: "uma_worker_bomb",
      about: "stub + sixteen busy Workers started at import (its neighbours keep their time)",
      packing: "module-zip",
      files: edit(stub, ROUND, (s) => `${s}\n${WORKER_BOMB}`),
    },
  ];
}
