/**
 * The error a stub throws: the task with this id has not been implemented yet.
 *
 * `tito` and the grader report it as "not attempted" rather than "wrong".
 *
 * @example Usage
 * ```ts
 * import { NotImplementedError } from "@tinytorch/course";
 * import assert from "node:assert/strict";
 * const error = new NotImplementedError("tensor.3");
 * assert.equal(error.task, "tensor.3");
 * ```
 */
export class NotImplementedError extends Error {
  /** The id of the task whose body is still a stub, e.g. `"quantization.3"`. */
  readonly task: string;

  /**
   * Creates the error for one task.
   *
   * @param task The task id, e.g. `"quantization.3"`.
   */
  constructor(task: string) {
    super(`Cannot run task "${task}": it is not implemented yet`);
    this.name = "NotImplementedError";
    this.task = task;
  }
}
