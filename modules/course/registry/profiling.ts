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
    { id: "profiling.1", title: "Count parameters", points: 15 },
    { id: "profiling.2", title: "Count FLOPs layer by layer", points: 20 },
    { id: "profiling.3", title: "Measure memory from real byte lengths", points: 20 },
    { id: "profiling.4", title: "Latency statistics from samples", points: 20 },
    { id: "profiling.5", title: "Profile a model and decide memory- or compute-bound", points: 25 },
  ],
};
