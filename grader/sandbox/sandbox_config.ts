/**
 * Node built-ins a submission may not load, in every spelling Deno accepts: they inspect the
 * isolate (a heap snapshot holds whatever the process knows, an inspector session evaluates in
 * any scope). The import check refuses them statically; the sandbox's import map refuses them at
 * run time, however the specifier is computed.
 */
export const REFUSED_NODE_MODULES: readonly string[] = ["v8", "inspector", "inspector/promises"];

interface Lock {
  readonly version: string;
  readonly specifiers?: Record<string, string>;
  readonly npm?: Record<string, { readonly dependencies?: readonly string[] }>;
  readonly workspace?: { readonly dependencies?: readonly string[] };
  readonly [key: string]: unknown;
}

interface Config {
  readonly imports?: Record<string, string>;
  readonly compilerOptions?: unknown;
  readonly nodeModulesDir?: unknown;
  readonly lock?: unknown;
}

/** A sandbox's `deno.json` and `deno.lock`. */
export interface SandboxConfig {
  /** The workspace config. */
  readonly config: Record<string, unknown>;
  /** The lockfile. */
  readonly lock: Lock;
}

const packageOf = (key: string) => key.replace(/^npm:/, "").replace(/(.)@[^@]*$/, "$1");

/**
 * The npm packages an allowlist needs, with everything they depend on, as lockfile keys.
 *
 * @param npm The lockfile's `npm` section.
 * @param allow Package names.
 * @returns Keys such as `mathjs@15.2.0`.
 */
export function closure(npm: NonNullable<Lock["npm"]>, allow: readonly string[]): Set<string> {
  const keys = Object.keys(npm);
  const keep = new Set<string>();
  const todo = keys.filter((k) => allow.includes(packageOf(k)));
  while (todo.length > 0) {
    const key = todo.pop()!;
    if (keep.has(key)) continue;
    keep.add(key);
    for (const dep of npm[key].dependencies ?? []) {
      todo.push(...keys.filter((k) => k === dep || packageOf(k) === dep));
    }
  }
  return keep;
}

function refusal(name: string): string {
  const code = `throw new TypeError("node:${name} is not available to a graded submission");`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/**
 * The config and lockfile of a sandbox: the workspace trimmed to the graded module's packages,
 * imports and lockfile trimmed to the npm allowlist (a child runs `--frozen --cached-only`, so a
 * package outside the lockfile cannot load, whatever the specifier), and an import map that
 * turns every spelling of {@linkcode REFUSED_NODE_MODULES} into a module that throws.
 *
 * @param config The repository's `deno.json`.
 * @param lock The repository's `deno.lock`.
 * @param workspace The sandbox's workspace members (`./modules/…`).
 * @param allow Allowed npm package names.
 * @returns The sandbox's files.
 */
export function sandboxConfig(
  config: Config,
  lock: Lock,
  workspace: readonly string[],
  allow: readonly string[],
): SandboxConfig {
  const allowed = (spec: string) => allow.includes(packageOf(spec));
  const imports: Record<string, string> = {};
  for (const [name, target] of Object.entries(config.imports ?? {})) {
    if (!target.startsWith("npm:") || allowed(target)) imports[name] = target;
  }
  for (const name of REFUSED_NODE_MODULES) {
    imports[name] = imports[`node:${name}`] = refusal(name);
  }
  const keep = closure(lock.npm ?? {}, allow);
  const trimmed: Lock = {
    ...lock,
    specifiers: Object.fromEntries(
      Object.entries(lock.specifiers ?? {}).filter(([spec]) => allowed(spec)),
    ),
    npm: Object.fromEntries(Object.entries(lock.npm ?? {}).filter(([key]) => keep.has(key))),
    workspace: { dependencies: (lock.workspace?.dependencies ?? []).filter(allowed) },
  };
  const { compilerOptions, nodeModulesDir } = config;
  return {
    config: { workspace, imports, compilerOptions, nodeModulesDir, lock: config.lock },
    lock: trimmed,
  };
}
