import { casesToDenoTests } from "@tinytorch/course";
import * as api from "./mod.ts";
import { cases } from "./cases/mod.ts";

casesToDenoTests(cases, api);
