/**
 * The task cases of `@tinytorch/tensor`, one set per task.
 *
 * @module
 */
import elementwise from "./elementwise.ts";
import math from "./math.ts";
import matmul from "./matmul.ts";
import shapeOps from "./shape_ops.ts";
import reductions from "./reductions.ts";
import astype from "./astype.ts";

/** The API the cases run against: the module itself. */
export type Api = typeof import("../mod.ts");

/** Every case set of the module, in task order. */
export const cases = [elementwise, math, matmul, shapeOps, reductions, astype];
