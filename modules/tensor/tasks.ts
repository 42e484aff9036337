/**
 * `@tinytorch/tensor/tasks`: the task functions of module 01 that are steps of the public API
 * rather than API themselves, for the cases and your own tests. Their files and regions are the
 * tasks' (`// #region solution tensor.N`); the public API is `@tinytorch/tensor`.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "@tinytorch/tensor";
 * import { binaryOp } from "@tinytorch/tensor/tasks";
 * import assert from "node:assert/strict";
 * const y = binaryOp(tensor([[1], [2]]), tensor([10, 20]), "float32", (p, q) => p * q);
 * assert.deepEqual(y.toArray(), [[10, 20], [20, 40]]);
 * ```
 *
 * @module
 */
export { binaryOp } from "./broadcast.ts";
export { mapValues } from "./math.ts";
export { matmulInt32, row1x4, tile4x4 } from "./matmul.ts";
export { reduceAxes, type Reduction } from "./reductions.ts";
