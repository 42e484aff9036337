import { defineCases } from "@tinytorch/course";
import type { Api } from "../../../modules/demo/cases/mod.ts";
export default [
  defineCases<Api>("demo.1", { "hidden add": { run: ({ add }) => add(3, 4), expect: () => 7 } }),
  defineCases<Api>("demo.2", {
    "hidden scale": { run: ({ scale }) => scale([3, -2], -1.5), expect: "reference" },
  }),
];
