/**
 * The task cases of the quantization module.
 *
 * @module
 */
import dequantize from "./dequantize_int8.ts";
import matmul from "./matmul_int8_scalar.ts";
import int8Forward from "./int8_linear_forward.ts";
import quantizeModel from "./quantize_model.ts";
import percentile from "./percentile.ts";
import quantizationParams from "./quantization_params.ts";
import quantize from "./quantize_int8.ts";
import round from "./round_half_to_even.ts";

export type { Api } from "./api.ts";

/** Every case set of the module, in task order. */
export const cases = [
  round,
  quantizationParams,
  quantize,
  dequantize,
  percentile,
  matmul,
  int8Forward,
  quantizeModel,
];
