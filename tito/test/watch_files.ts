/**
 * Waits for saved files: the changes `Deno.watchFs` reports, gathered over a short quiet time
 * (an editor's save is several events) and filtered to source files.
 *
 * @module
 */

/** Options of {@linkcode watchFiles}. */
export interface WatchOptions {
  /** Which changed paths count (default: `.ts` and `.json` files outside `.tito/`). */
  readonly accept?: (path: string) => boolean;
  /** How long to wait for more events after one, in milliseconds (default 150). */
  readonly quietMs?: number;
  /** Stops watching. */
  readonly signal?: AbortSignal;
}

function sourceFile(path: string): boolean {
  return /\.(ts|json)$/.test(path) && !/[/\\]\.tito[/\\]/.test(path);
}

/**
 * Yields each batch of changed files under the given folders, until the signal aborts.
 *
 * @example Usage
 * ```ts ignore
 * for await (const changed of watchFiles(["modules"])) rerun(changed);
 * ```
 *
 * @param dirs Folders to watch (recursively).
 * @param options What counts, the quiet time, a signal.
 * @returns Batches of changed paths, sorted, without repeats.
 */
export async function* watchFiles(
  dirs: readonly string[],
  options: WatchOptions = {},
): AsyncGenerator<string[]> {
  const accept = options.accept ?? sourceFile;
  const quiet = options.quietMs ?? 150;
  const watcher = Deno.watchFs([...dirs], { recursive: true });
  const close = () => {
    try {
      watcher.close();
    } catch {
      // already closed
    }
  };
  options.signal?.addEventListener("abort", close);
  const events = watcher[Symbol.asyncIterator]();
  let next = events.next();
  try {
    while (!options.signal?.aborted) {
      const first = await next;
      if (first.done) return;
      next = events.next();
      const changed = new Set(first.value.kind === "access" ? [] : first.value.paths);
      while (true) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const more = await Promise.race([
          next,
          new Promise<null>((resolve) => timer = setTimeout(() => resolve(null), quiet)),
        ]);
        clearTimeout(timer);
        if (more === null) break;
        if (more.done) break;
        next = events.next();
        if (more.value.kind !== "access") more.value.paths.forEach((p) => changed.add(p));
      }
      const paths = [...changed].filter(accept).sort();
      if (paths.length) yield paths;
    }
  } finally {
    options.signal?.removeEventListener("abort", close);
    close();
  }
}
