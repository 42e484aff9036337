import assert from "node:assert/strict";
import { beginMarker, listRegions, replaceRegions } from "./regions.ts";

const doc = [
  "# tito",
  "<!-- tito-docs:begin help module start (anything) -->",
  "old help",
  "<!-- tito-docs:end -->",
  "prose",
  "<!-- tito-docs:begin session whole-session (anything) -->",
  "<!-- tito-docs:end -->",
  "",
].join("\n");

Deno.test("maintainer: listRegions() finds each region's kind and name", () => {
  assert.deepEqual(listRegions(doc), [
    { kind: "help", name: "module start" },
    { kind: "session", name: "whole-session" },
  ]);
});

Deno.test("maintainer: replaceRegions() rewrites bodies and markers and keeps the prose", () => {
  const out = replaceRegions(doc, (r) => `${r.kind}: ${r.name}\n`);
  assert.equal(
    out,
    [
      "# tito",
      beginMarker({ kind: "help", name: "module start" }),
      "help: module start",
      "<!-- tito-docs:end -->",
      "prose",
      beginMarker({ kind: "session", name: "whole-session" }),
      "session: whole-session",
      "<!-- tito-docs:end -->",
      "",
    ].join("\n"),
  );
  assert.deepEqual(listRegions(out), listRegions(doc), "a rewritten document has the same regions");
});
