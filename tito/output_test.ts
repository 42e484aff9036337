import assert from "node:assert/strict";
import { listSome } from "./files.ts";
import { bar, barChart, table, visibleWidth } from "./output.ts";

Deno.test("tito: tables align on visible width; bars scale", () => {
  assert.equal(visibleWidth("✅ ok"), 5);
  assert.equal(visibleWidth("\x1b[32mok\x1b[39m"), 2);
  // deno-lint-ignore no-control-regex -- colour codes (when the test runs in a terminal)
  const plain = (lines: string[]) => lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ""));
  assert.deepEqual(plain(table(["a", "n"], [["xx", "1"], ["y", "22"]], [1])), [
    "a    n",
    "──  ──",
    "xx   1",
    "y   22",
  ]);
  assert.equal(bar(1, 2, 4), "██");
  assert.equal(bar(1, 8, 1), "▏");
  assert.equal(bar(5, 0, 4), "");
  assert.deepEqual(
    barChart([{ label: "a", value: 2, text: "2" }, { label: "bb", value: 1, text: "1" }], 2),
    [
      "a   ██  2",
      "bb  █   1",
    ],
  );
});

Deno.test("tito: listSome() names a few and counts the rest", () => {
  assert.equal(listSome(["a", "b"]), "a, b");
  assert.equal(listSome(["1", "2", "3", "4", "5", "6", "7"]), "1, 2, 3, 4, 5 …and 2 more");
});
