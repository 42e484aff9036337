/**
 * The one course registry: modules, their numbers, packages, prerequisites and tasks.
 *
 * @module
 */
import { LAYERS } from "./registry/layers.ts";
import { PROFILING } from "./registry/profiling.ts";
import { QUANTIZATION } from "./registry/quantization.ts";
import { TENSOR } from "./registry/tensor.ts";
import type { ModuleInfo, TaskInfo } from "./registry/types.ts";

export type { ModuleInfo, TaskInfo };
export { type MilestoneInfo, MILESTONES } from "./registry/milestones.ts";

/** Every course module, in course order. */
export const MODULES: readonly ModuleInfo[] = [TENSOR, LAYERS, PROFILING, QUANTIZATION];

/**
 * Finds a module by name (`"quantization"`) or course number (`15`, `"15"`, `"01"`, `"1"`).
 *
 * @example Usage
 * ```ts
 * import { findModule } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * assert.equal(findModule("01").name, "tensor");
 * assert.equal(findModule("3").name, "layers");
 * ```
 *
 * @param ref A name or number.
 * @param modules The course to search; default {@linkcode MODULES}.
 * @returns The module.
 * @throws {RangeError} Naming the valid modules, when nothing matches.
 */
export function findModule(
  ref: string | number,
  modules: readonly ModuleInfo[] = MODULES,
): ModuleInfo {
  const text = String(ref).trim().toLowerCase();
  const number = /^\d+$/.test(text) ? Number(text) : undefined;
  const found = modules.find((m) =>
    m.name === text || (number !== undefined && m.numbers.includes(number))
  );
  if (found) return found;
  const valid = modules.map((m) =>
    `${m.numbers.map((n) => String(n).padStart(2, "0")).join("+")} ${m.name}`
  );
  throw new RangeError(`Cannot find module "${ref}": valid modules are ${valid.join(", ")}`);
}

/**
 * Finds the module that owns a task id.
 *
 * @param taskId e.g. `"tensor.3"`.
 * @param modules The course to search.
 * @returns The module and the task.
 * @throws {RangeError} When no module has that task.
 */
export function findTask(
  taskId: string,
  modules: readonly ModuleInfo[] = MODULES,
): { module: ModuleInfo; task: TaskInfo } {
  for (const module of modules) {
    const task = module.tasks.find((t) => t.id === taskId);
    if (task) return { module, task };
  }
  throw new RangeError(`Cannot find task "${taskId}" in the course registry`);
}

/**
 * The module and everything it builds on, prerequisites first.
 *
 * @param name A module name.
 * @param modules The course.
 * @returns Module names in dependency order, ending with `name`.
 */
export function withPrerequisites(
  name: string,
  modules: readonly ModuleInfo[] = MODULES,
): string[] {
  const order: string[] = [];
  const visit = (n: string) => {
    if (order.includes(n)) return;
    for (const p of findModule(n, modules).prerequisites) visit(p);
    order.push(n);
  };
  visit(name);
  return order;
}
