import { casesToDenoTests } from "@tinytorch/course";
import * as layers from "@tinytorch/layers";
import * as tensor from "@tinytorch/tensor";
import * as tensorTasks from "@tinytorch/tensor/tasks";
import * as quantization from "./mod.ts";
import * as quantizationTasks from "./tasks.ts";
import { cases } from "./cases/mod.ts";

// The API the grader builds: each package, then its ./tasks export, prerequisites first.
casesToDenoTests(cases, {
  ...tensor,
  ...tensorTasks,
  ...layers,
  ...quantization,
  ...quantizationTasks,
});
