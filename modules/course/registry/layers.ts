import type { ModuleInfo } from "./types.ts";

/** Course modules 02 (activations) and 03 (layers). */
export const LAYERS: ModuleInfo = {
  name: "layers",
  numbers: [2, 3],
  package: "@tinytorch/layers",
  dir: "modules/layers",
  title: "Activations and layers: ReLU to Sequential",
  prerequisites: ["tensor"],
  tasks: [
    { id: "layers.1", title: "Activations: ReLU, stable Sigmoid, Tanh, GELU", points: 25 },
    { id: "layers.2", title: "Numerically stable Softmax", points: 15 },
    { id: "layers.3", title: "Linear layer: x @ Wᵀ + b", points: 25 },
    { id: "layers.4", title: "Sequential and Flatten", points: 15 },
    { id: "layers.5", title: "Inverted Dropout", points: 20 },
  ],
};
