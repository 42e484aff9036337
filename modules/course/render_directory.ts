import { findRegions, renderStub } from "./render_stub.ts";

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

/**
 * Renders every `.ts` file with solution regions under a directory as a stub, in place.
 * Files without regions are left untouched.
 *
 * @param dir The directory to render (a copy: this overwrites the reference bodies).
 * @param lesson Where the lesson is, for the TODO lines.
 * @returns The regions that were rendered.
 */
export async function renderDirectory(dir: string, lesson?: string): Promise<RenderedRegion[]> {
  const regions = await listRegions(dir);
  for (const file of new Set(regions.map((r) => r.file))) {
    const path = `${dir}/${file}`;
    const source = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, renderStub(source, lesson ? { lesson } : {}));
  }
  return regions;
}
