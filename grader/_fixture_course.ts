/**
 * A tiny course for the grader's tests: the real `@tinytorch/course` package and one module
 * `demo` with three tasks, visible and hidden cases, in a temporary folder.
 *
 * @module
 */
import type { ModuleInfo } from "@tinytorch/course";
import { repositoryRoot } from "./paths.ts";

/** The fixture's only module. */
export const DEMO: ModuleInfo = {
  name: "demo",
  numbers: [99],
  package: "@tinytorch/demo",
  dir: "modules/demo",
  title: "Demo: three small tasks",
  prerequisites: [],
  tasks: [
    { id: "demo.1", title: "Add", points: 10 },
    { id: "demo.2", title: "Scale", points: 20 },
    { id: "demo.3", title: "Total", points: 10 },
  ],
};

/** The fixture's registry. */
export const DEMO_MODULES: readonly ModuleInfo[] = [DEMO];

const region = (task: string, body: string) =>
  `  // #region solution ${task}\n  ${body}\n  // #endregion\n`;

/** The reference sources of the demo module, by path relative to its folder. */
export const DEMO_SOURCES: Readonly<Record<string, string>> = {
  "add.ts": `/** Adds. */\nexport function add(a: number, b: number): number {\n${
    region("demo.1", "return a + b;")
  }}\n`,
  "scale.ts":
    `/** Scales. */\nexport function scale(values: readonly number[], k: number): number[] {\n${
      region("demo.2", "return values.map((v) => v * k);")
    }}\n`,
  "total.ts": `/** Sums. */\nexport function total(values: readonly number[]): number {\n${
    region("demo.3", "return values.reduce((s, v) => s + v, 0);")
  }}\n`,
  "mod.ts": 'export * from "./add.ts";\nexport * from "./scale.ts";\nexport * from "./total.ts";\n',
};

const CASES = `import { defineCases, exact } from "@tinytorch/course";
export type Api = typeof import("../mod.ts");
export const cases = [
  defineCases<Api>("demo.1", {
    "1 + 2": { run: ({ add }) => add(1, 2), expect: 3, compare: exact() },
    "-1 + 1": { run: ({ add }) => add(-1, 1), expect: 0 },
  }),
  defineCases<Api>("demo.2", {
    "doubles": { run: ({ scale }) => scale([1, 2], 2), expect: [2, 4] },
    "by zero": { run: ({ scale }) => scale([5], 0), expect: [0] },
  }),
  defineCases<Api>("demo.3", {
    "sum": { run: ({ total }) => total([1, 2, 3]), expect: 6 },
    "empty": { run: ({ total }) => total([]), expect: 0 },
  }),
];
`;

const HIDDEN = `import { defineCases } from "@tinytorch/course";
import type { Api } from "../../../modules/demo/cases/mod.ts";
export default [
  defineCases<Api>("demo.1", { "hidden add": { run: ({ add }) => add(3, 4), expect: () => 7 } }),
  defineCases<Api>("demo.2", {
    "hidden scale": { run: ({ scale }) => scale([3, -2], -1.5), expect: "reference" },
  }),
];
`;

async function write(root: string, path: string, text: string): Promise<void> {
  await Deno.mkdir(`${root}/${path}`.replace(/\/[^/]*$/, ""), { recursive: true });
  await Deno.writeTextFile(`${root}/${path}`, text);
}

/**
 * Writes the fixture course to a new temporary folder.
 *
 * @param hidden The hidden case file's text; default two hidden cases (demo.1, demo.2).
 * @returns The folder (remove it when done).
 */
export async function fixtureCourse(hidden = HIDDEN): Promise<string> {
  const repo = repositoryRoot();
  const root = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-fixture-" }));
  const config = JSON.parse(await Deno.readTextFile(`${repo}/deno.json`));
  await write(
    root,
    "deno.json",
    JSON.stringify({
      workspace: ["./modules/course", "./modules/demo"],
      imports: config.imports,
      nodeModulesDir: "none",
      lock: { path: "./deno.lock" },
      compilerOptions: { strict: true },
    }),
  );
  await Deno.copyFile(`${repo}/deno.lock`, `${root}/deno.lock`);
  for await (const e of Deno.readDir(`${repo}/modules/course`)) {
    if (e.isFile) {
      await write(
        root,
        `modules/course/${e.name}`,
        await Deno.readTextFile(`${repo}/modules/course/${e.name}`),
      );
    }
  }
  for await (const e of Deno.readDir(`${repo}/modules/course/registry`)) {
    await write(
      root,
      `modules/course/registry/${e.name}`,
      await Deno.readTextFile(`${repo}/modules/course/registry/${e.name}`),
    );
  }
  await write(
    root,
    "modules/demo/deno.json",
    '{ "name": "@tinytorch/demo", "version": "0.1.0", "exports": "./mod.ts" }',
  );
  for (const [path, text] of Object.entries(DEMO_SOURCES)) {
    await write(root, `modules/demo/${path}`, text);
  }
  await write(root, "modules/demo/cases/mod.ts", CASES);
  await write(root, "grader/hidden/demo/hidden.ts", hidden);
  return root;
}

/**
 * A submission of the demo module: the reference sources with some files replaced.
 *
 * @param changes Files to replace or add, by path relative to the module folder.
 * @returns The files as the intake would deliver them.
 */
export function demoSubmission(changes: Record<string, string> = {}): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map(
    Object.entries({ ...DEMO_SOURCES, ...changes }).map(([p, t]) => [p, encoder.encode(t)]),
  );
}

/**
 * The source of one demo task's file with a different body.
 *
 * @param task `demo.1`, `demo.2` or `demo.3`.
 * @param body The new body.
 * @returns `[path, source]`.
 */
export function demoTask(task: "demo.1" | "demo.2" | "demo.3", body: string): [string, string] {
  const path = { "demo.1": "add.ts", "demo.2": "scale.ts", "demo.3": "total.ts" }[task];
  const source = DEMO_SOURCES[path];
  return [
    path,
    source.replace(/(#region solution \S+\n)[\s\S]*?(\n\s*\/\/ #endregion)/, `$1  ${body}$2`),
  ];
}
