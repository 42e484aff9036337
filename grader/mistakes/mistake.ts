/**
 * The catalogue of typical mistakes: each one a small patch of a reference solution (a text
 * replaced inside one task's region) and the visible case that must catch it.
 *
 * @module
 */

/** Where a mistake comes from. */
export type MistakeSource =
  | "lesson" // a lesson's "Common mistakes"
  | "original" // a known bug of the original Python course
  | "issue"; // a kind listed in the issue on mutation testing (axes, aliasing, edges, NaN, ...)

/** One typical mistake. */
export interface Mistake {
  /** A short kebab-case id, unique in its module. */
  readonly id: string;
  /** The task whose region the patch changes. */
  readonly task: string;
  /** What the learner did, in one line. */
  readonly title: string;
  /** Where the mistake comes from. */
  readonly source: MistakeSource;
  /** The file, relative to the module's folder. */
  readonly file: string;
  /** Reference text that occurs exactly once in the file, inside a region of `task`. */
  readonly search: string;
  /** What the learner wrote instead. */
  readonly replace: string;
  /** The name of the task's visible case that must fail on it (without the task id). */
  readonly caughtBy: string;
}

/** The catalogue of one module. */
export interface MistakeSet {
  /** The module name. */
  readonly module: string;
  /** Its mistakes. */
  readonly mistakes: readonly Mistake[];
}

/**
 * Declares a module's mistakes.
 *
 * @param module The module name.
 * @param mistakes The mistakes.
 * @returns The set.
 * @throws {RangeError} For a repeated id or a task of another module.
 */
export function defineMistakes(module: string, mistakes: readonly Mistake[]): MistakeSet {
  const ids = new Set<string>();
  for (const m of mistakes) {
    if (ids.has(m.id)) throw new RangeError(`Mistake "${m.id}" of ${module} is listed twice`);
    ids.add(m.id);
    if (!m.task.startsWith(`${module}.`)) {
      throw new RangeError(`Mistake "${m.id}" of ${module} patches task ${m.task}`);
    }
  }
  return { module, mistakes };
}
