import { listTree } from "./files.ts";

async function git(args: string[], cwd: string): Promise<string | null> {
  try {
    const out = await new Deno.Command("git", {
      args,
      cwd,
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout) : null;
  } catch {
    return null; // git is not installed
  }
}

/**
 * The files of a folder that git reports as changed, added or untracked (not ignored).
 *
 * @param root The repository.
 * @param dir A folder relative to `root`.
 * @returns The changed paths, or `null` when the project is not a git repository.
 */
export async function uncommittedFiles(root: string, dir: string): Promise<string[] | null> {
  const out = await git(["status", "--porcelain", "-z", "--untracked-files=all", "--", dir], root);
  if (out === null) return null;
  return out.split("\0").filter((l) => l.length > 3).map((l) => l.slice(3));
}

/** Folders never copied with the project: tito's state, outputs and git itself. */
export const NOT_COPIED: readonly string[] = [".git", ".tito", "reports", "submissions"];

/**
 * The files of the project: git's tracked and untracked-but-not-ignored files, or, outside a
 * git repository, every file except those under {@linkcode NOT_COPIED} and `node_modules`.
 *
 * @param root The project.
 * @returns Relative paths.
 */
export async function projectFiles(root: string): Promise<string[]> {
  const listed = await git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root);
  const files = listed !== null
    ? listed.split("\0").filter((f) => f !== "")
    : (await listTree(root)).filter((f) => !f.split("/").includes("node_modules"));
  return files.filter((f) => !NOT_COPIED.some((d) => f === d || f.startsWith(`${d}/`)));
}
