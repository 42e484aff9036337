import type { ModuleInfo } from "./types.ts";

/** Course module 14. */
export const PROFILING: ModuleInfo = {
  name: "profiling",
  numbers: [14],
  package: "@tinytorch/profiling",
  dir: "modules/profiling",
  title: "Profiling: measure parameters, FLOPs, memory and latency",
  prerequisites: ["tensor", "layers"],
  tasks: [
    { id: "profiling.1", title: "Count parameters through the layer protocol", points: 15 },
    { id: "profiling.2", title: "Count FLOPs layer by layer, propagating shapes", points: 25 },
    { id: "profiling.3", title: "Measure memory from one real forward pass", points: 25 },
    { id: "profiling.4", title: "Latency statistics from samples", points: 20 },
    { id: "profiling.5", title: "Roofline verdict and profile rows", points: 15 },
  ],
};
