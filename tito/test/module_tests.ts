import type { ModuleInfo, TaskInfo } from "@tinytorch/course";
import { type Project, resolveModule } from "../project.ts";
import {
  DEFAULT_CASE_TIMEOUT_S,
  DEFAULT_TEST_TIMEOUT_S,
  runModuleTests,
  type TestReport,
} from "./test_runner.ts";
import { TitoError } from "../tito_error.ts";

/** Options of {@linkcode moduleTests}. */
export interface ModuleTestsOptions {
  /** The module's number or name. */
  readonly module?: string;
  /** One task: its id (`quantization.3`) or number (`3`). */
  readonly task?: string;
  /** Run the prerequisites' reference code instead of the learner's. */
  readonly referenceDeps?: boolean;
  /** The limit of one case, in seconds (default {@linkcode DEFAULT_CASE_TIMEOUT_S}). */
  readonly caseTimeoutSeconds?: number;
  /** Called with the module before its tests run. */
  readonly onStart?: (module: ModuleInfo) => void;
}

function resolveTask(module: ModuleInfo, text: string | undefined): TaskInfo | undefined {
  if (text === undefined) return undefined;
  const id = /^\d+$/.test(text) ? `${module.name}.${text}` : text;
  const task = module.tasks.find((t) => t.id === id);
  if (task) return task;
  throw new TitoError(`Cannot find task "${text}" in ${module.name}`, {
    hint: `Its tasks are ${module.tasks.map((t) => t.id).join(", ")}.`,
  });
}

/**
 * `tito test --module <m> [--task <id>] [--reference-deps] [--timeout <s>]`: runs a module's
 * cases (one task's, or all with the cross-module tests it takes part in); the report is what
 * `--json` prints. A run is limited to {@linkcode DEFAULT_TEST_TIMEOUT_S} s, or the case limit
 * when that is longer.
 *
 * @param project The project.
 * @param options The module, task, reference prerequisites, case limit, and `onStart`.
 * @returns The report.
 * @throws {TitoError} When no module or task matches.
 */
export async function moduleTests(
  project: Project,
  options: ModuleTestsOptions,
): Promise<TestReport> {
  const module = resolveModule(project, options.module);
  const task = resolveTask(module, options.task);
  const seconds = options.caseTimeoutSeconds ?? DEFAULT_CASE_TIMEOUT_S;
  options.onStart?.(module);
  return await runModuleTests(project, module, {
    task,
    referenceDeps: options.referenceDeps,
    caseTimeoutSeconds: seconds,
    timeoutSeconds: Math.max(DEFAULT_TEST_TIMEOUT_S, seconds),
  });
}
