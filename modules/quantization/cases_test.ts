import { casesToDenoTests } from "@tinytorch/course";
import * as layers from "@tinytorch/layers";
import * as tensor from "@tinytorch/tensor";
import * as quantization from "./mod.ts";
import { cases } from "./cases/mod.ts";

casesToDenoTests(cases, { ...tensor, ...layers, ...quantization });
