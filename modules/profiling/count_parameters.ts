import { describeValue, hasParameters, isContainer } from "./_layers.ts";
import type { ParameterLike } from "./protocol.ts";

/**
 * Counts the parameters (stored values) of a model.
 *
 * - A model with `parameters()` (a layer, a `Sequential`, a quantized layer): the sum of `size`
 *   over what it returns. A quantized tensor's `size` already counts its scales and zero points.
 * - A container without `parameters()` (anything with a `layers` array): the sum over its layers,
 *   recursively.
 * - A parameter object that appears twice (a weight shared by two layers) is counted once:
 *   compare by identity, e.g. with a `Set`.
 * - Anything else, e.g. a bare Tensor, a number or `null`, is not a model: throw a `TypeError` that
 *   says what was given (`describeValue` helps) and, inside a container, where it is: its index
 *   path, e.g. `(layer 1.0)` for the first layer of the container at index 1.
 *
 * `Linear(128, 64)` has 128·64 weights + 64 biases = 8256 parameters.
 *
 * @example Usage
 * ```ts
 * import { countParameters } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 * const layer = { parameters: () => [{ size: 6, nbytes: 24 }, { size: 2, nbytes: 8 }] };
 * assert.equal(countParameters(layer), 8);
 * ```
 *
 * @param model A layer, a container, or anything with `parameters()`.
 * @returns The number of parameters.
 * @throws {TypeError} If `model` has neither `parameters()` nor `layers`.
 */
export function countParameters(model: unknown): number {
  // #region solution profiling.1
  const seen = new Set<ParameterLike>();
  const collect = (m: unknown, path: string): void => {
    if (hasParameters(m)) {
      for (const p of m.parameters()) seen.add(p);
    } else if (isContainer(m)) {
      m.layers.forEach((child, i) => collect(child, path ? `${path}.${i}` : String(i)));
    } else {
      throw new TypeError(
        `Cannot count the parameters of ${describeValue(m)}${
          path ? ` (layer ${path})` : ""
        }: expected parameters() or layers`,
      );
    }
  };
  collect(model, "");
  let total = 0;
  for (const p of seen) total += p.size;
  return total;
  // #endregion
}
