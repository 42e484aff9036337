/**
 * `@tinytorch/tensor`, course module 01: a dtype-aware n-dimensional array in plain TypeScript.
 * A {@linkcode Tensor} is a row-major typed array (`float32`, `int32` or `int8`) plus a shape,
 * with broadcasting arithmetic, math functions, matrix multiplication, shape operations,
 * reductions and checked dtype conversion. Randomness comes from a seeded {@linkcode Rng}.
 *
 * This is the public API. The task functions that are steps of it rather than API (`binaryOp`,
 * `mapValues`, `tile4x4`, `row1x4`, `matmulInt32`, `reduceAxes`) are exported from
 * `@tinytorch/tensor/tasks`, for the cases and your own tests; helpers live in `_` files.
 *
 * @example Usage
 * ```ts
 * import { randn, tensor } from "@tinytorch/tensor";
 * import assert from "node:assert/strict";
 * const x = tensor([[1, 2, 3], [4, 5, 6]]); // shape [2, 3], float32
 * const w = randn([3, 4], { seed: 0 });
 * const y = x.matmul(w).add(tensor([0.5, 0, 0, 0])); // [2, 4], bias broadcast over rows
 * assert.deepEqual(y.shape, [2, 4]);
 * assert.equal(y.argmax({ axis: 1 }).dtype, "int32");
 * assert.equal(x.astype("int8").nbytes, 6);
 * ```
 *
 * @module
 */
export * from "./tensor.ts";
export * from "./dtype.ts";
export * from "./shape.ts";
export * from "./rng.ts";
export * from "./creation.ts";
// Files that also hold task functions of ./tasks.ts: their public exports, by name.
export { broadcastShapes } from "./broadcast.ts";
export * from "./elementwise.ts";
export { abs, clip, exp, log, neg, sqrt } from "./math.ts";
export { matmul, matmulF32, type MatmulF32Options } from "./matmul.ts";
export * from "./shape_ops.ts";
export { argmax, max, mean, min, type ReduceOptions, sum } from "./reductions.ts";
export * from "./astype.ts";
