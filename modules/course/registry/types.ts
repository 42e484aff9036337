/** One graded task: a region `// #region solution <id>` in a module's source. */
export interface TaskInfo {
  /** `<module>.<n>`, e.g. `"quantization.3"`. */
  readonly id: string;
  /** What the learner builds, in a few words. */
  readonly title: string;
  /** Points in the grade. */
  readonly points: number;
}

/** One course module as the registry knows it. */
export interface ModuleInfo {
  /** The folder and package word, e.g. `"quantization"`; also the task id prefix. */
  readonly name: string;
  /** Course numbers this module answers to (layers is both 02 and 03). */
  readonly numbers: readonly number[];
  /** The workspace package, e.g. `"@tinytorch/quantization"`. */
  readonly package: string;
  /** The folder relative to the repository root, e.g. `"modules/quantization"`. */
  readonly dir: string;
  /** The lesson title. */
  readonly title: string;
  /** Names of the modules this one builds on. */
  readonly prerequisites: readonly string[];
  /** The graded tasks, in lesson order. */
  readonly tasks: readonly TaskInfo[];
}
