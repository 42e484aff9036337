import countParameters from "./count_parameters.ts";
import countFlops from "./count_flops.ts";
import measureMemory from "./measure_memory.ts";
import latencyStats from "./latency_stats.ts";
import profileRow from "./profile_row.ts";

/** The case sets of module 14, in task order. */
export const cases = [countParameters, countFlops, measureMemory, latencyStats, profileRow];

/** What the cases run against: the tensor and layers modules and this one. */
export type Api =
  & typeof import("@tinytorch/tensor")
  & typeof import("@tinytorch/layers")
  & typeof import("../mod.ts");
