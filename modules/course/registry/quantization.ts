import type { ModuleInfo } from "./types.ts";

/** Course module 15. */
export const QUANTIZATION: ModuleInfo = {
  name: "quantization",
  numbers: [15],
  package: "@tinytorch/quantization",
  dir: "modules/quantization",
  title: "Quantization: int8 weights, calibrated activations, integer matmul",
  prerequisites: ["tensor", "layers", "profiling"],
  tasks: [
    { id: "quantization.1", title: "Round half to even", points: 5 },
    { id: "quantization.2", title: "Scale and zero point from a range", points: 15 },
    { id: "quantization.3", title: "Quantize per tensor and per channel", points: 15 },
    { id: "quantization.4", title: "Dequantize", points: 10 },
    { id: "quantization.5", title: "Percentile calibration", points: 10 },
    { id: "quantization.6", title: "Integer matmul with int32 accumulation", points: 15 },
    { id: "quantization.7", title: "Quantized linear forward: integer path", points: 15 },
    { id: "quantization.8", title: "Quantize a model with calibration", points: 15 },
  ],
};
