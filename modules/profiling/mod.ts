/**
 * Course module 14: profiling. Measure a model instead of guessing: parameters and FLOPs counted
 * layer by layer, memory from the real byte lengths of one forward pass, latency statistics from
 * tinybench samples, and a per-layer profile that says whether each layer is memory- or
 * compute-bound against this machine's MEASURED balance (the roofline ridge point).
 *
 * Everything works through a protocol ({@linkcode Model}): `parameters()` returning objects with
 * `size` and `nbytes`, optional `outputShape(inShape)` and `flops(inShape)`, and `layers` for a
 * container. So later modules' layers (quantized ones) are profiled without being imported here.
 *
 * @example Profile an MLP
 * ```ts
 * import { Linear, ReLU, Sequential } from "@tinytorch/layers";
 * import { zeros } from "@tinytorch/tensor";
 * import { countFlops, countParameters, measureMemory, profileModel } from "@tinytorch/profiling";
 * import assert from "node:assert/strict";
 *
 * const mlp = new Sequential(new Linear(784, 128, { seed: 1 }), new ReLU(), new Linear(128, 10));
 * assert.equal(countParameters(mlp), 101770);
 * assert.equal(countFlops(mlp, [1, 784]).total, 203530);
 * const x = zeros([1, 784]);
 * assert.equal((await measureMemory(mlp, x)).parameterBytes, 407080);
 * const profile = await profileModel(mlp, x, { iterations: 20 });
 * // Each row also has medianMs, gflops, intensity, bound (against this machine's ridge) and
 * // verdict (the same, but "balanced" near the ridge and "above-roof" for a measurement problem).
 * assert.deepEqual(profile.layers.map((row) => row.name), [
 *   "0:Linear(784, 128)",
 *   "1:ReLU()",
 *   "2:Linear(128, 10)",
 * ]);
 * ```
 *
 * @module
 */
export * from "./protocol.ts";
export * from "./count_parameters.ts";
export * from "./count_flops.ts";
export * from "./measure_memory.ts";
export * from "./latency_stats.ts";
export * from "./measure_latency.ts";
export * from "./measure_machine.ts";
export * from "./profile_row.ts";
export * from "./roofline_verdict.ts";
export * from "./profile_model.ts";
