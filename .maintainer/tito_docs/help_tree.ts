/**
 * Every tito command and its `--help`, found the way a learner finds them: `tito --help` lists
 * the commands, `tito <command> --help` their sub-commands, and so on.
 *
 * @module
 */
import { runTito } from "./run_tito.ts";

/** One command's help. */
export interface CommandHelp {
  /** The words after `tito` (empty for `tito` itself), e.g. `["module", "start"]`. */
  readonly path: readonly string[];
  /** What `tito <path> --help` printed. */
  readonly text: string;
}

/**
 * The sub-commands a help text lists under `Commands:` (without `help`).
 *
 * @param help A commander help text.
 * @returns Their names, in order.
 */
export function subcommands(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1]?.split(/\n\n/)[0] ?? "";
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]).filter((n) => n !== "help");
}

/**
 * Runs `tito … --help` for tito and every command below it, depth first.
 *
 * @param cwd A project folder.
 * @returns Every command's help, tito's first.
 * @throws {Error} If a help run fails.
 */
export async function helpTree(cwd: string): Promise<CommandHelp[]> {
  const out: CommandHelp[] = [];
  async function visit(path: string[]) {
    const run = await runTito([...path, "--help"], cwd);
    if (run.code !== 0) {
      throw new Error(`tito ${[...path, "--help"].join(" ")} exited with ${run.code}`);
    }
    out.push({ path, text: run.output });
    for (const name of subcommands(run.output)) await visit([...path, name]);
  }
  await visit([]);
  return out;
}
