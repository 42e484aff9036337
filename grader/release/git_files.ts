/**
 * The files of a git repository, as `git ls-files` lists them.
 *
 * @param root The repository.
 * @param options `untracked: true` adds untracked files that are not ignored (the working tree
 * as the author sees it); the default is the committed (tracked) files only.
 * @returns Paths relative to `root`, with `/` separators.
 * @throws {Error} When git cannot list them (not a repository, git missing).
 */
export async function gitFiles(
  root: string,
  options: { untracked?: boolean } = {},
): Promise<string[]> {
  const extra = options.untracked ? ["--others", "--exclude-standard"] : [];
  const git = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", ...extra],
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).output();
  if (!git.success) throw new Error(`Cannot list the files of ${root}: git ls-files failed`);
  return new TextDecoder().decode(git.stdout).split("\0").filter((f) => f !== "");
}
