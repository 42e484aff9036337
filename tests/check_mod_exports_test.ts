/**
 * The public surface of the course packages, checked in the spirit of denoland/std's
 * `_tools/check_mod_exports.ts`: every file at a package's top level is either re-exported from an
 * entry point (`mod.ts`, or `tasks.ts`, the `./tasks` export of task functions that are not public
 * API) or private (`_`-prefixed, a test, a benchmark, or an exception listed below), and no entry
 * point re-exports a private file.
 *
 * @module
 */
import assert from "node:assert/strict";

/** The course packages checked, relative to the repository root. */
const PACKAGES = [
  "modules/course",
  "modules/tensor",
  "modules/layers",
  "modules/profiling",
  "modules/quantization",
  "modules/quantization/kernels",
  "modules/quantization/onnx",
];

/**
 * Top-level files that are neither private nor re-exported, each with the reason. Keep it short:
 * a helper belongs in a `_` file.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  // The maintainer's build script for the Wasm kernels (`deno task build:kernels`, the release
  // guard's freshness check): it needs npm:wabt and is not library code.
  "modules/quantization/kernels/build_wasm.ts": "build script",
};

/** Entry points a package may have, as file names beside its `deno.json`. */
const ENTRY_POINTS = ["mod.ts", "tasks.ts"];

const isPrivate = (name: string) =>
  name.startsWith("_") || name.endsWith("_test.ts") || name.endsWith("_bench.ts");

/** The relative specifiers an entry point re-exports (`export … from "./x.ts"`). */
function reExports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^export\s[^;]*?\sfrom\s+"(\.[^"]+)"/gms)) found.push(m[1]);
  return found;
}

/**
 * What is wrong with one package's surface: top-level files no entry point re-exports, private
 * files an entry point re-exports, a `tasks.ts` that is not the `./tasks` export, and stale
 * exceptions.
 *
 * @param dir The package folder.
 * @param label How messages name it, e.g. `modules/tensor`.
 * @param exceptions Paths (`<label>/<file>`) allowed to be neither private nor re-exported.
 * @returns One line per problem; empty when the surface is clean.
 */
export async function modExportProblems(
  dir: string,
  label: string,
  exceptions: Readonly<Record<string, string>> = EXCEPTIONS,
): Promise<string[]> {
  const files: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".ts")) files.push(e.name);
  }
  files.sort();
  const problems: string[] = [];
  const exported = new Set<string>();
  for (const entry of ENTRY_POINTS.filter((f) => files.includes(f))) {
    for (const specifier of reExports(await Deno.readTextFile(`${dir}/${entry}`))) {
      if (specifier.split("/").some((part) => part.startsWith("_"))) {
        problems.push(`${label}/${entry} re-exports the private file ${specifier}`);
      }
      if (/^\.\/[^/]+$/.test(specifier)) exported.add(specifier.slice(2));
    }
  }
  if (files.includes("tasks.ts")) {
    const config = JSON.parse(await Deno.readTextFile(`${dir}/deno.json`));
    if (config.exports?.["./tasks"] !== "./tasks.ts") {
      problems.push(`${label}/tasks.ts is not the package's "./tasks" export in deno.json`);
    }
  }
  for (const name of files) {
    const path = `${label}/${name}`;
    if (ENTRY_POINTS.includes(name) || isPrivate(name) || exported.has(name)) continue;
    if (path in exceptions) continue;
    problems.push(
      `${path} is neither re-exported from mod.ts or tasks.ts nor private (prefix it with "_")`,
    );
  }
  for (const path of Object.keys(exceptions)) {
    if (!path.startsWith(`${label}/`) || path.slice(label.length + 1).includes("/")) continue;
    if (!files.includes(path.slice(label.length + 1))) {
      problems.push(`${path} is listed as an exception but does not exist`);
    } else if (exported.has(path.slice(label.length + 1))) {
      problems.push(`${path} is listed as an exception but is re-exported`);
    }
  }
  return problems;
}

const root = new URL("../", import.meta.url);

for (const pkg of PACKAGES) {
  Deno.test(`layout: ${pkg} exports every public file from mod.ts, and no private one`, async () => {
    assert.deepEqual(await modExportProblems(new URL(pkg, root).pathname, pkg), []);
  });
}

Deno.test("layout: the surface check finds a stray file, a private re-export and a bad ./tasks", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-mod-exports-" });
  try {
    const write = (name: string, text: string) => Deno.writeTextFile(`${dir}/${name}`, text);
    await write("deno.json", JSON.stringify({ name: "@x/y", exports: "./mod.ts" }));
    await write("mod.ts", 'export * from "./a.ts";\nexport { h } from "./_helpers.ts";\n');
    await write("tasks.ts", 'export {\n  t,\n} from "./t.ts";\n');
    for (const name of ["a.ts", "t.ts", "_helpers.ts", "a_test.ts", "a_bench.ts", "stray.ts"]) {
      await write(name, "export const x = 1;\n");
    }
    await write("script.ts", "export const x = 1;\n");
    assert.deepEqual(
      await modExportProblems(dir, "pkg", { "pkg/script.ts": "a script", "pkg/gone.ts": "old" }),
      [
        "pkg/mod.ts re-exports the private file ./_helpers.ts",
        'pkg/tasks.ts is not the package\'s "./tasks" export in deno.json',
        'pkg/stray.ts is neither re-exported from mod.ts or tasks.ts nor private (prefix it with "_")',
        "pkg/gone.ts is listed as an exception but does not exist",
      ],
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
