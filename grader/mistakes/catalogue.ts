/**
 * The catalogue of typical mistakes, one set per course module, checked by
 * `deno task check:mistakes` (see `check_mistakes.ts`).
 *
 * @module
 */
import type { MistakeSet } from "./mistake.ts";
import layers from "./layers.ts";
import profiling from "./profiling.ts";
import quantization from "./quantization.ts";
import tensor from "./tensor.ts";

/** Every module's mistakes, in course order. */
export const CATALOGUE: readonly MistakeSet[] = [tensor, layers, profiling, quantization];
