/**
 * Writes the generated regions of `docs/tito.md`: every command's `--help` (with the tests that
 * run the command) and every transcript of `sessions.ts`, from real runs of tito on its fixture
 * course; the rest of the document is prose and stays as written.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { copyFixture, listTree } from "../../tito/files.ts";
import { type CommandHelp, helpTree } from "./help_tree.ts";
import { listRegions, type Region, replaceRegions } from "./regions.ts";
import { SESSIONS } from "./sessions.ts";
import { runSession, type Session } from "./transcript.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/** The document the generator writes. */
export const TITO_DOCS: string = `${REPO}/docs/tito.md`;

const key = (r: Region) => `${r.kind} ${r.name}`;
const consoleBlock = (text: string) => "```console\n" + text.trimEnd() + "\n```\n";

/**
 * The test files of tito (beside its commands) that run a command on the fixture course, i.e.
 * call `tito(["<word>", "<word>"…`.
 *
 * @param path The command's words.
 * @returns Paths relative to the repository, sorted.
 */
export async function testsOf(path: readonly string[]): Promise<string[]> {
  const words = path.map((w) => `"${w}"`).join(String.raw`\s*,\s*`);
  const call = new RegExp(String.raw`tito\(\s*\[\s*${words}`);
  const tests = (await listTree(`${REPO}/tito`))
    .filter((f) => f.endsWith("_test.ts") && !f.startsWith("testdata/"));
  const found: string[] = [];
  for (const f of tests) {
    if (call.test(await Deno.readTextFile(`${REPO}/tito/${f}`))) found.push(`tito/${f}`);
  }
  return found;
}

async function helpBody(help: CommandHelp, leaf: boolean): Promise<string> {
  const command = ["tito", ...help.path, "--help"].join(" ");
  const block = consoleBlock(`$ ${command}\n${help.text}`);
  if (!leaf) return `\n${block}\n`;
  const tests = await testsOf(help.path);
  const links = tests.map((t) => `[${t.slice(t.lastIndexOf("/") + 1)}](../${t})`);
  return `\n${block}\nTests that run it: ${links.length ? links.join(", ") : "none"}.\n\n`;
}

function problems(regions: readonly Region[], helps: readonly CommandHelp[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    if (seen.has(key(r))) out.push(`the region "${key(r)}" appears twice`);
    seen.add(key(r));
  }
  const commands = new Set(helps.map((h) => h.path.join(" ") || "tito"));
  const sessions = new Set(SESSIONS.map((s) => s.name));
  for (const r of regions) {
    if (r.kind === "help" && !commands.has(r.name)) out.push(`no command "${r.name}"`);
    else if (r.kind === "session" && !sessions.has(r.name)) out.push(`no session "${r.name}"`);
    else if (r.kind !== "help" && r.kind !== "session") out.push(`unknown region "${key(r)}"`);
  }
  for (const c of commands) {
    if (!seen.has(`help ${c}`)) out.push(`the command "${c}" has no help region`);
  }
  for (const s of sessions) {
    if (!seen.has(`session ${s}`)) out.push(`the session "${s}" has no region`);
  }
  return out;
}

async function format(markdown: string): Promise<string> {
  const fmt = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=md", "-"],
    cwd: REPO,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = fmt.stdin.getWriter();
  await writer.write(new TextEncoder().encode(markdown));
  await writer.close();
  const out = await fmt.output();
  if (!out.success) throw new Error(`deno fmt failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

/**
 * Runs every session, two at a time; after a failure no new session starts, and the running one
 * finishes (and removes its fixture) before the error is thrown.
 *
 * @param sessions The sessions.
 * @returns Each transcript by session name.
 */
async function transcripts(sessions: readonly Session[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const queue = [...sessions];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      try {
        out.set(s.name, await runSession(s));
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  const failed = (await Promise.allSettled([worker(), worker()]))
    .find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return out;
}

/**
 * Regenerates every region of the document (see `regions.ts`) and formats it as `deno fmt` does.
 *
 * @param markdown The document as it is.
 * @returns The document as it should be.
 * @throws {Error} If a command has no help region, a session no region, or a region names no
 *   command or session.
 */
export async function generateTitoDocs(markdown: string): Promise<string> {
  const place = await copyFixture(`${REPO}/tito/testdata/fixture`, "tito-docs-help-");
  let helps: CommandHelp[];
  try {
    helps = await helpTree(place);
  } finally {
    await Deno.remove(place, { recursive: true });
  }
  const regions = listRegions(markdown);
  const wrong = problems(regions, helps);
  if (wrong.length) throw new Error(`Cannot generate docs/tito.md:\n${wrong.join("\n")}`);
  const bodies = new Map<string, string>();
  const parents = new Set(helps.map((h) => h.path.slice(0, -1).join(" ")));
  for (const h of helps) {
    const name = h.path.join(" ") || "tito";
    bodies.set(`help ${name}`, await helpBody(h, !parents.has(h.path.join(" "))));
  }
  for (const [name, text] of await transcripts(SESSIONS)) {
    bodies.set(`session ${name}`, `\n${consoleBlock(text)}\n`);
  }
  return await format(replaceRegions(markdown, (r) => bodies.get(key(r))!));
}
