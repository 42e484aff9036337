import assert from "node:assert/strict";
import { generateTitoDocs, TITO_DOCS } from "./tito_docs/generate.ts";

function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split("\n"), b.split("\n")];
  const i = x.findIndex((line, i) => line !== y[i]);
  const at = i === -1 ? x.length : i;
  return `line ${at + 1}:\n  file:      ${x[at] ?? "(end)"}\n  generated: ${y[at] ?? "(end)"}`;
}

Deno.test("maintainer: docs/tito.md is what deno task docs:tito writes from real runs of tito", async () => {
  const doc = await Deno.readTextFile(TITO_DOCS);
  const generated = await generateTitoDocs(doc);
  assert.ok(
    generated === doc,
    `docs/tito.md is not current: run deno task docs:tito and commit it. First difference at ${
      firstDifference(doc, generated)
    }`,
  );
});
