/**
 * The `file://` URL of an absolute path (spaces and other characters escaped).
 *
 * @param path An absolute path.
 * @returns The URL as a string.
 */
export function toFileUrl(path: string): string {
  return new URL(`file://${path.split("/").map(encodeURIComponent).join("/")}`).href;
}

/**
 * The absolute path of a `file://` URL.
 *
 * @param url The URL.
 * @returns The path.
 */
export function fromFileUrl(url: string): string {
  return decodeURIComponent(new URL(url).pathname);
}

/**
 * The repository this grader belongs to (the folder above `grader/`).
 *
 * @returns Its absolute path.
 */
export function repositoryRoot(): string {
  return fromFileUrl(new URL("..", import.meta.url).href).replace(/\/$/, "");
}

/**
 * Whether a relative path is safe to join under a folder: no absolute path, no `..`, no empty or
 * `.` segments, no backslashes or NUL.
 *
 * @param path A relative path with `/` separators.
 * @returns `true` when it stays inside.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || /[\\\0]/.test(path) || /^[a-zA-Z]:/.test(path)) {
    return false;
  }
  return path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename.
 *
 * @param path The destination.
 * @param data Text or bytes.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf("/")) || ".";
  await Deno.mkdir(dir, { recursive: true });
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (error) {
    await Deno.remove(tmp).catch(() => {});
    throw error;
  }
}

function normalized(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "" && part !== ".") parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * The real absolute path of a file or folder that may not exist yet: relative to the working
 * folder, `.` and `..` resolved, and links resolved in the part that exists.
 *
 * @param path A path.
 * @returns The absolute path.
 */
export async function resolvedPath(path: string): Promise<string> {
  const absolute = normalized(path.startsWith("/") ? path : `${Deno.cwd()}/${path}`);
  const rest: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      const real = await Deno.realPath(existing);
      return normalized([real, ...rest.reverse()].join("/"));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound) || existing === "/") throw error;
      rest.push(existing.slice(existing.lastIndexOf("/") + 1));
      existing = existing.slice(0, existing.lastIndexOf("/")) || "/";
    }
  }
}

/**
 * Whether one path is another or inside it (both resolved with {@linkcode resolvedPath}).
 *
 * @param path The path that may be inside.
 * @param folder The folder.
 * @returns `true` when `path` is `folder` or below it.
 */
export async function isWithin(path: string, folder: string): Promise<boolean> {
  const [p, f] = await Promise.all([resolvedPath(path), resolvedPath(folder)]);
  return p === f || p.startsWith(f === "/" ? "/" : `${f}/`);
}
