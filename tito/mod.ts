/**
 * `@tinytorch/tito`, the learner's command-line tool. Run it as `deno task tito <command>` in a
 * TinyTorch project (see `docs/tito.md`). This module exports the few pieces other tools reuse.
 *
 * @example Find the project around the current folder
 * ```ts ignore
 * import { findProjectRoot } from "@tinytorch/tito";
 * console.log(await findProjectRoot(Deno.cwd()));
 * ```
 *
 * @module
 */
export * from "./find_project_root.ts";
