import assert from "node:assert/strict";
import { parseJunit } from "../junit.ts";
import { testFilter } from "./test_filter.ts";

const NAMES = [
  "x.1 a",
  "x.1 ab",
  "x.1 b [weird] ^$ & ~ - # é 😀 /",
  "x.1 b",
  "x.2 c",
  "x.10 c",
  `x.1 ${"q".repeat(300)}`,
  `x.1 ${"q".repeat(300)}r`,
];

/** The tests `deno test --filter <filter>` runs (its JUnit report lists the others as skipped) (Deno reads `/…/` as a Rust regex). */
async function selected(dir: string, filter: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["test", "--no-check", `--filter=${filter}`, "--junit-path=junit.xml", "a_test.ts"],
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const xml = await Deno.readTextFile(`${dir}/junit.xml`);
  return parseJunit(xml).filter((c) => c.status === "passed").map((c) => c.name); // filtered out: skipped
}

Deno.test("tito: testFilter keeps the tests with the prefix except the excluded ones", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tito-filter-" });
  try {
    await Deno.writeTextFile(
      `${dir}/a_test.ts`,
      NAMES.map((n) => `Deno.test(${JSON.stringify(n)}, () => {});\n`).join(""),
    );
    const cases: [string, string[]][] = [
      ["x.1 ", []],
      ["x.1 ", ["x.1 a"]],
      ["", ["x.1 a", "x.2 c"]],
      ["x.1 ", ["x.1 b [weird] ^$ & ~ - # é 😀 /", "x.1 ab"]],
      ["x.1 ", ["x.1 b", `x.1 ${"q".repeat(300)}`]],
    ];
    for (const [prefix, except] of cases) {
      assert.deepEqual(
        await selected(dir, testFilter(prefix, except)),
        NAMES.filter((n) => n.startsWith(prefix) && !except.includes(n)),
        `${JSON.stringify(prefix)} except ${JSON.stringify(except)}`,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.throws(() => testFilter("x.1 ", ["x.2 c"]), /Cannot leave out test "x\.2 c"/);
});
