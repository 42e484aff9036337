import { TitoError } from "./tito_error.ts";

/**
 * The first lines of an error message, without Deno's colour codes.
 *
 * @param text The message.
 * @param lines How many lines.
 * @returns The shortened text.
 */
export function firstLines(text: string, lines = 6): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "").split("\n").slice(0, lines).join("\n");
}

/**
 * Imports a file of tito's that runs course code (the profiler). The specifier is
 * computed at run time on purpose: Deno does not load it, nor the learner's modules it imports,
 * when tito starts, so a syntax error in a module only affects the commands that run its code.
 *
 * @param file A path relative to the `tito/` folder, e.g. `"./milestones/mlp.ts"`.
 * @param what What is loading, for the error message.
 * @param hint What to try when it fails.
 * @returns The module's exports.
 * @throws {TitoError} When the file or a module it imports fails to load.
 */
export async function importCourseCode<T>(file: string, what: string, hint: string): Promise<T> {
  const url = new URL(file, import.meta.url).href;
  try {
    return await import(url);
  } catch (error) {
    throw new TitoError(`Cannot load ${what}: ${firstLines(String(error))}`, { hint });
  }
}
