import { type Isolation, type IsolationMode, probeIsolation } from "./sandbox/os_isolation.ts";
import {
  expectedObservation,
  expectsReference,
  type ModuleInfo,
  MODULES,
  type Observation,
} from "@tinytorch/course";
import { type Catalog, loadCatalog } from "./catalog.ts";
import { runCatalog } from "./sandbox/case_runner.ts";
import { runDeno } from "./deno_process.ts";
import {
  DEFAULT_LIMITS,
  type Limits,
  NPM_ALLOWLIST,
  preloadOf,
  REFERENCE_LIMITS,
} from "./sandbox/limits.ts";
import { childFiles, createSandbox, removeSandbox } from "./sandbox/sandbox.ts";
import { type GradingSetup, setupFingerprint } from "./setup_fingerprint.ts";

/** Everything needed to grade submissions of one module, prepared once per run. */
export interface GradingContext extends Omit<GradingSetup, "childFiles"> {
  /** SHA-256 of everything above that decides verdicts (see {@linkcode setupFingerprint}). */
  readonly setup: string;
  /** How submissions' children are isolated (not part of `setup`: verdicts do not depend on it). */
  readonly isolation: Isolation;
}

/** Options of {@linkcode prepareGrading}. */
export interface PrepareOptions {
  /** Limits; default {@linkcode DEFAULT_LIMITS}. */
  readonly limits?: Partial<Limits>;
  /** Allowed npm packages; default {@linkcode NPM_ALLOWLIST}. */
  readonly allow?: readonly string[];
  /** The course registry. */
  readonly modules?: readonly ModuleInfo[];
  /** Type-check submissions; default `true`. */
  readonly typeCheck?: boolean;
  /** `os` or `process`; default `os` where bubblewrap runs (see {@linkcode probeIsolation}). */
  readonly isolation?: IsolationMode;
}

async function cacheDependencies(root: string, catalog: Catalog): Promise<void> {
  const files = [`${catalog.module.dir}/mod.ts`, catalog.visibleFile, ...catalog.hiddenFiles];
  const result = await runDeno(["cache", "--frozen", ...files], root);
  if (result.code !== 0) {
    throw new Error(`Cannot cache the module's dependencies: ${result.stderr.slice(0, 2000)}`);
  }
}

/**
 * Observations of the reference implementation, computed in a separate sandboxed child from the
 * trusted tree (the reference is trusted, the process boundary keeps it like any submission).
 * It runs under {@linkcode REFERENCE_LIMITS} by default, never under a class's `--timeout`.
 *
 * @param root The trusted repository.
 * @param catalog The module's cases.
 * @param limits Limits; default {@linkcode REFERENCE_LIMITS}.
 * @returns One observation per case.
 * @throws {Error} If the reference fails to report a case.
 */
export async function referenceObservations(
  root: string,
  catalog: Catalog,
  limits: Limits = REFERENCE_LIMITS,
): Promise<Observation[]> {
  const sandbox = await createSandbox({ root, catalog, base: "reference" });
  try {
    const report = await runCatalog({
      root,
      sandbox,
      catalog,
      job: { packages: catalog.api, preload: preloadOf(NPM_ALLOWLIST) },
      limits,
    });
    return report.outcomes.map((o, i) => {
      if ("observation" in o) return o.observation;
      throw new Error(
        `The reference did not report ${
          catalog.entries[i].id
        }: ${o.failure.message}\n${report.log}`,
      );
    });
  } finally {
    await removeSandbox(sandbox);
  }
}

/**
 * Loads a module's cases from the trusted tree, makes sure its dependencies are cached (children
 * run with `--cached-only`), and computes every expectation: literals and oracles here, and
 * `"reference"` ones from a run of the reference implementation (under fixed limits: the
 * submissions' limits do not apply to it).
 *
 * @param root The trusted repository.
 * @param moduleRef A module name or number.
 * @param options Limits and the npm allowlist.
 * @returns The context for {@linkcode gradeSubmission}.
 */
export async function prepareGrading(
  root: string,
  moduleRef: string,
  options: PrepareOptions = {},
): Promise<GradingContext> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const catalog = await loadCatalog(root, moduleRef, options.modules ?? MODULES);
  await cacheDependencies(root, catalog);
  const needsReference = catalog.entries.some((e) => expectsReference(e.case));
  const reference = needsReference ? await referenceObservations(root, catalog) : [];
  const wants: Observation[] = [];
  for (const [i, e] of catalog.entries.entries()) {
    wants.push(expectsReference(e.case) ? reference[i] : await expectedObservation(e.case));
  }
  const allow = options.allow ?? NPM_ALLOWLIST;
  const typeCheck = options.typeCheck ?? true;
  const setup = await setupFingerprint({
    root,
    catalog,
    wants,
    limits,
    allow,
    typeCheck,
    childFiles: childFiles(),
  });
  const isolation = await probeIsolation(options.isolation);
  return { root, catalog, wants, limits, allow, typeCheck, setup, isolation };
}
