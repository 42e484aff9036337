import { casesToDenoTests } from "@tinytorch/course";
import * as tensor from "@tinytorch/tensor";
import * as layers from "./mod.ts";
import { cases } from "./cases/mod.ts";

casesToDenoTests(cases, { ...tensor, ...layers });
