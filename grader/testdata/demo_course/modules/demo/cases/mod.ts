import { defineCases, exact } from "@tinytorch/course";
export type Api = typeof import("../mod.ts");
export const cases = [
  defineCases<Api>("demo.1", {
    "1 + 2": { run: ({ add }) => add(1, 2), expect: 3, compare: exact() },
    "-1 + 1": { run: ({ add }) => add(-1, 1), expect: 0 },
  }),
  defineCases<Api>("demo.2", {
    "doubles": { run: ({ scale }) => scale([1, 2], 2), expect: [2, 4] },
    "by zero": { run: ({ scale }) => scale([5], 0), expect: [0] },
  }),
  defineCases<Api>("demo.3", {
    "sum": { run: ({ total }) => total([1, 2, 3]), expect: 6 },
    "empty": { run: ({ total }) => total([]), expect: 0 },
  }),
];
