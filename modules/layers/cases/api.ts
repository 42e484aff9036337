/**
 * What the layers cases run against, and oracles shared by them. Given code: nothing here calls
 * the code under test.
 *
 * @module
 */
import { chunk, randomValues } from "@tinytorch/course";

/** The tensor module and this module, merged. */
export type Api = typeof import("@tinytorch/tensor") & typeof import("../mod.ts");

/**
 * Seeded values in `[min, max)` as a `rows × cols` nested array.
 *
 * @param rows Rows.
 * @param cols Columns.
 * @param seed The seed.
 * @param range `[min, max)`; default `[-1, 1)`.
 * @returns The matrix.
 */
export function matrix(rows: number, cols: number, seed: number, range = [-1, 1]): number[][] {
  return chunk(randomValues(rows * cols, { seed, min: range[0], max: range[1] }), cols);
}

/**
 * Applies `f` to each entry of a nested array.
 *
 * @param values Numbers nested to any depth.
 * @param f The function.
 * @returns The same nesting, mapped.
 */
export function mapNested(values: unknown, f: (x: number) => number): unknown {
  return Array.isArray(values) ? values.map((v) => mapNested(v, f)) : f(values as number);
}
