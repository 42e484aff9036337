// deno-lint-ignore-file no-console -- a command-line launcher: printing is its job
/**
 * The installed `tito` command: a launcher without npm dependencies (it runs without the
 * project's import map) that finds the enclosing TinyTorch project (the nearest folder upwards
 * whose `deno.json` has a `tito` task) and runs `deno task tito …` there with this same Deno
 * executable. Install it once with
 *
 * ```sh
 * deno install --global -A -n tito -f "$PWD/tito/launcher.ts"
 * ```
 *
 * then type `tito module complete 15` anywhere inside the project. The folder you typed it in is
 * passed as `TITO_CWD`, so relative paths in arguments (`tito submit 15 --out x.zip`) mean what
 * you expect.
 *
 * @module
 */

import { findProjectRoot } from "./find_project_root.ts";

if (import.meta.main) {
  const cwd = Deno.cwd();
  const root = await findProjectRoot(cwd);
  if (!root) {
    console.error(
      `tito: no TinyTorch project in ${cwd} or above it (a folder whose deno.json has a "tito" task)`,
    );
    Deno.exit(1);
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "tito", ...Deno.args],
    cwd: root,
    env: { TITO_CWD: cwd },
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  Deno.exit((await child.status).code);
}
