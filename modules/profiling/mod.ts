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
 *
 * const mlp = new Sequential(new Linear(784, 128, { seed: 1 }), new ReLU(), new Linear(128, 10));
 * console.log(countParameters(mlp)); // 101770
 * console.log(countFlops(mlp, [1, 784]).total); // 203530
 * const x = zeros([1, 784]);
 * console.log((await measureMemory(mlp, x)).parameterBytes); // 407080
 * const profile = await profileModel(mlp, x, { iterations: 20 });
 * for (const row of profile.layers) console.log(row.name, row.medianMs, row.bound);
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
export * from "./profile_model.ts";
