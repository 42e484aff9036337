/**
 * Test helper: a fresh copy of the fixture course (`testdata/fixture/`) in a temporary git
 * repository, opened as a {@linkcode Project} for command functions called in-process, and a
 * way to run tito there as a subprocess (`Deno.execPath()`), like a learner.
 *
 * @module
 */
import { stripVTControlCharacters } from "node:util";
import { copyFixture } from "./files.ts";
import type { Out } from "./output.ts";
import { loadProject, type Project } from "./project.ts";

const FIXTURE = new URL("./testdata/fixture/", import.meta.url).pathname.replace(/\/$/, "");
const MAIN = new URL("./main.ts", import.meta.url).pathname;

/** What a tito run printed and returned. */
export interface Run {
  /** Exit code. */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** A temporary fixture project. */
export interface Fixture {
  /** Its root. */
  readonly root: string;
  /** The project, for calling command functions in-process (the working directory stays). */
  project(cwd?: string): Promise<Project>;
  /** Runs `tito <args>` in the root (or `cwd`, relative to it). */
  tito(args: string[], cwd?: string): Promise<Run>;
  /** Runs git in the root. */
  git(...args: string[]): Promise<string>;
  /** Reads a file of the project. */
  read(path: string): Promise<string>;
  /** Writes a file of the project. */
  write(path: string, text: string): Promise<void>;
  /** The progress file, parsed, or `null`. */
  progress(): Promise<Record<string, Record<string, unknown>> | null>;
  /** Removes the project. */
  remove(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

async function output(cmd: string, args: string[], cwd: string, env: Record<string, string>) {
  const out = await new Deno.Command(cmd, { args, cwd, env, stdout: "piped", stderr: "piped" })
    .output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/**
 * Copies the fixture course to a temporary folder, rewrites the `../` paths of its `deno.json`
 * to absolute ones (the course package and tito itself), and commits it to a new git repository.
 *
 * @returns The fixture; remove it when done (`await using`).
 */
export async function fixture(): Promise<Fixture> {
  const root = await copyFixture(FIXTURE, "tito-fixture-");
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  for (const [k, v] of Object.entries<string>(config.imports)) {
    if (v.startsWith("../")) config.imports[k] = new URL(v, `file://${FIXTURE}/`).href;
  }
  config.tasks.tito = `deno run -A ${MAIN}`;
  await Deno.writeTextFile(`${root}/deno.json`, JSON.stringify(config, null, 2) + "\n");
  const git = async (...args: string[]) => {
    const r = await output(
      "git",
      ["-c", "user.name=tito", "-c", "user.email=tito@example.com", ...args],
      root,
      {},
    );
    if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-qm", "fixture");
  const remove = () => Deno.remove(root, { recursive: true });
  return {
    root,
    project: (cwd) => loadProject(root, cwd ? `${root}/${cwd}` : root),
    tito: (args, cwd) =>
      output(Deno.execPath(), ["run", "-A", MAIN, ...args], cwd ? `${root}/${cwd}` : root, {
        NO_COLOR: "1",
        TITO_CWD: cwd ? `${root}/${cwd}` : root,
      }),
    git,
    read: (path) => Deno.readTextFile(`${root}/${path}`),
    write: (path, text) => Deno.writeTextFile(`${root}/${path}`, text),
    progress: async () => {
      try {
        return JSON.parse(await Deno.readTextFile(`${root}/.tito/progress.json`));
      } catch {
        return null;
      }
    },
    remove,
    [Symbol.asyncDispose]: remove,
  };
}

/** What a printer printed, without colour codes. */
export interface Captured extends Out {
  /** Lines to standard output. */
  readonly stdout: string[];
  /** Warnings to standard error. */
  readonly stderr: string[];
}

/**
 * An {@linkcode Out} that keeps what is printed, for testing printers in-process.
 *
 * @returns The capture.
 */
export function capture(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    say: (...lines) => stdout.push(...lines.map((l) => stripVTControlCharacters(l))),
    warn: (text) => stderr.push(stripVTControlCharacters(text)),
  };
}
