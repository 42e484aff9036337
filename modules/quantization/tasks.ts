/**
 * `@tinytorch/quantization/tasks`: the task functions of module 15 that are steps of the public
 * API rather than API themselves, for the cases and your own tests. Their files and regions are the
 * tasks' (`// #region solution quantization.N`); the public API is `@tinytorch/quantization`.
 *
 * @example Quantize values with one scale per channel
 * ```ts
 * import { quantizeValues } from "@tinytorch/quantization/tasks";
 * import assert from "node:assert/strict";
 * const x = Float32Array.of(1, 2, -4, 8); // 2 channels of 2 values
 * const q = quantizeValues(x, Float32Array.of(1, 0.5), Int32Array.of(0, 1), {
 *   channels: 2,
 *   inner: 2,
 * }, [-128, 127]);
 * assert.deepEqual([...q], [1, 2, -7, 17]);
 * ```
 *
 * @module
 */
export { type ChannelLayout, quantizeValues } from "./quantize_int8.ts";
export { int8LinearForward, type Int8LinearParts } from "./int8_linear_forward.ts";
