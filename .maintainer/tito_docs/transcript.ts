/**
 * A transcript: a few steps run one after the other in a fresh copy of tito's fixture course
 * (`tito/testdata/fixture/`, in a temporary git repository), printed as a terminal shows them.
 *
 * @module
 */
import { fixture } from "../../tito/_fixture.ts";
import { normalise } from "./normalise.ts";
import { runTito } from "./run_tito.ts";

/** A change to a file of the project, made by the transcript (the learner's editor). */
export type Edit =
  | { readonly file: string; readonly from: string; readonly to: string }
  | { readonly file: string; readonly text: string };

/**
 * One step: `tito <args>` (with `brief`, only the first line of its output is shown, then `…`),
 * a shell command, or a comment (`$ # …`) standing for an edit that the generator makes.
 */
export type Step =
  | { readonly tito: readonly string[]; readonly brief?: boolean }
  | { readonly sh: string }
  | { readonly note: string; readonly edit?: Edit };

/** A transcript's steps. */
export interface Session {
  /** Its name, as the document's region names it. */
  readonly name: string;
  /** Its steps, in order. */
  readonly steps: readonly Step[];
}

async function applyEdit(root: string, edit: Edit): Promise<void> {
  const path = `${root}/${edit.file}`;
  if ("text" in edit) return await Deno.writeTextFile(path, edit.text);
  const before = await Deno.readTextFile(path);
  if (before.split(edit.from).length !== 2) {
    throw new Error(`${edit.file} does not hold ${JSON.stringify(edit.from)} exactly once`);
  }
  await Deno.writeTextFile(path, before.replace(edit.from, () => edit.to));
}

async function runShell(command: string, cwd: string) {
  const out = await new Deno.Command("sh", {
    args: ["-c", `exec 2>&1; ${command}`],
    cwd,
    env: {
      GIT_AUTHOR_NAME: "you",
      GIT_AUTHOR_EMAIL: "you@example.com",
      GIT_COMMITTER_NAME: "you",
      GIT_COMMITTER_EMAIL: "you@example.com",
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, output: new TextDecoder().decode(out.stdout) };
}

/**
 * Runs a session in a fresh fixture course and renders it: each step as `$ <command>` and its
 * output (its first line and `…` for a `brief` step), `[exit N]` after a command that exits with N ≠ 0, a blank line between steps; the
 * fixture's folder, times and hashes replaced by placeholders (see `normalise.ts`).
 *
 * @param session The session.
 * @returns The transcript, without a final newline.
 */
export async function runSession(session: Session): Promise<string> {
  await using f = await fixture();
  const place = { root: f.root, deno: Deno.execPath(), denoVersion: Deno.version.deno };
  const parts: string[] = [];
  for (const step of session.steps) {
    let line: string;
    let run = { code: 0, output: "" };
    if ("tito" in step) {
      line = `tito ${step.tito.join(" ")}`;
      run = await runTito(step.tito, f.root);
      if (step.brief) run = { ...run, output: `${run.output.split("\n")[0]}\n…` };
    } else if ("sh" in step) {
      line = step.sh;
      run = await runShell(step.sh, f.root);
    } else {
      line = `# ${step.note}`;
      if (step.edit) await applyEdit(f.root, step.edit);
    }
    const exit = run.code === 0 ? "" : `\n[exit ${run.code}]`;
    parts.push(`$ ${line}\n${run.output.trimEnd()}${exit}`.trimEnd());
  }
  return normalise(parts.join("\n\n"), place);
}
