import type { ModuleInfo } from "./types.ts";

/** Course module 01. */
export const TENSOR: ModuleInfo = {
  name: "tensor",
  numbers: [1],
  package: "@tinytorch/tensor",
  dir: "modules/tensor",
  title: "Tensor: dtype-aware n-dimensional arrays",
  prerequisites: [],
  tasks: [
    { id: "tensor.1", title: "Element-wise arithmetic with broadcasting", points: 20 },
    { id: "tensor.2", title: "Element-wise math functions", points: 10 },
    { id: "tensor.3", title: "Matrix multiplication", points: 20 },
    { id: "tensor.4", title: "Reshape, transpose and flatten", points: 15 },
    { id: "tensor.5", title: "Reductions over axes", points: 20 },
    { id: "tensor.6", title: "Checked dtype conversion", points: 15 },
  ],
};
