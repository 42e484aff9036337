import {
  findRegions,
  renderStub,
  STUB_LINT_RULES,
  withLintHeader,
  withoutStubHeader,
} from "./render_stub.ts";

/** A region found while rendering a directory. */
export interface RenderedRegion {
  /** The task id. */
  readonly task: string;
  /** The file, relative to the rendered directory, with `/` separators. */
  readonly file: string;
  /** 1-based line of the region marker. */
  readonly line: number;
}

async function* tsFiles(dir: string, prefix = ""): AsyncGenerator<string> {
  const entries = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory && !e.name.startsWith(".")) yield* tsFiles(`${dir}/${e.name}`, rel);
    else if (e.isFile && e.name.endsWith(".ts")) yield rel;
  }
}

/**
 * Lists the solution regions of every `.ts` file under a directory, without changing anything.
 *
 * @param dir The directory, e.g. a module folder.
 * @returns The regions, ordered by file then line.
 */
export async function listRegions(dir: string): Promise<RenderedRegion[]> {
  const out: RenderedRegion[] = [];
  for await (const file of tsFiles(dir)) {
    const source = await Deno.readTextFile(`${dir}/${file}`);
    for (const r of findRegions(source)) out.push({ task: r.task, file, line: r.start });
  }
  return out;
}

/** Options of {@linkcode renderDirectory}. */
export interface RenderDirectoryOptions {
  /** Where the lesson is, for the TODO lines. */
  readonly lesson?: string;
  /** Render only this task's regions. */
  readonly only?: string;
}

async function stubLintRules(files: string[]): Promise<Map<string, Set<string>>> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["lint", "--json", ...files],
    stdout: "piped",
    stderr: "null",
  }).output();
  const report = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    diagnostics: { filename: string; code: string }[];
  };
  const rules = new Map<string, Set<string>>();
  for (const d of report.diagnostics) {
    if (!STUB_LINT_RULES.includes(d.code)) continue;
    const file = decodeURIComponent(new URL(d.filename).pathname);
    rules.set(file, (rules.get(file) ?? new Set()).add(d.code));
  }
  return rules;
}

/**
 * Renders every `.ts` file with solution regions under a directory as a stub, in place, then
 * runs `deno lint` on the stubs and gives each the file-level ignores its emptied bodies need.
 * Files without regions are left untouched; rendering a rendered directory changes no byte.
 *
 * @param dir The directory to render (a copy: this overwrites the reference bodies).
 * @param options The lesson path for the TODO lines; one task only.
 * @returns The regions that were rendered.
 */
export async function renderDirectory(
  dir: string,
  options: RenderDirectoryOptions = {},
): Promise<RenderedRegion[]> {
  const regions = (await listRegions(dir)).filter((r) => !options.only || r.task === options.only);
  const paths = [...new Set(regions.map((r) => `${dir}/${r.file}`))];
  // An earlier stub header is removed before linting: the rules it ignores would go unreported,
  // and the new header would lose them (render(render(x)) must equal render(x)).
  for (const path of paths) {
    const source = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, withoutStubHeader(renderStub(source, options)));
  }
  if (paths.length === 0) return regions;
  const rules = await stubLintRules(paths);
  for (const path of paths) {
    const source = await Deno.readTextFile(path);
    const needed = [...rules.get(await Deno.realPath(path)) ?? []];
    await Deno.writeTextFile(path, withLintHeader(source, needed));
  }
  return regions;
}
