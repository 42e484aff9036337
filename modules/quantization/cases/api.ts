/**
 * What the quantization cases run against: the prerequisites and this module, each package with
 * its `./tasks` export when it has one (as the grader merges them).
 */
export type Api =
  & typeof import("@tinytorch/tensor")
  & typeof import("@tinytorch/tensor/tasks")
  & typeof import("@tinytorch/layers")
  & typeof import("../mod.ts")
  & typeof import("../tasks.ts");

/**
 * An expected int8 tensor, written as data (a plain object the comparisons read as a tensor).
 *
 * @param values Row-major integers.
 * @param shape The shape; default 1-D.
 * @returns The tensor-like expectation.
 */
export function int8(values: number[], shape = [values.length]) {
  return { dtype: "int8", shape, data: Int8Array.from(values) };
}

/**
 * The parts of a quantized tensor that cases compare.
 *
 * @param q A quantized tensor.
 * @returns Its values, scales and zero points.
 */
export function parts(
  q: { values: unknown; scale: Float32Array; zeroPoint: Int32Array },
): Record<string, unknown> {
  return { values: q.values, scale: q.scale, zeroPoint: q.zeroPoint };
}
