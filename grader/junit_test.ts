import assert from "node:assert/strict";
import { parseJunit } from "./junit.ts";

Deno.test("grader: parseJunit() reads passed, failed and skipped cases", () => {
  const xml = `<testsuites><testsuite name="./x_test.ts">
    <testcase name="a.1 one" classname="./x_test.ts" time="0.000" line="1" col="6">
    </testcase>
    <testcase name="a.1 two &lt;&amp;&gt;" classname="./x_test.ts" time="0.001">
      <failure message="Uncaught Error: bad &lt;x&gt;">Error: bad</failure>
    </testcase>
    <testcase name="a.2 ign" classname="./x_test.ts" time="0.000"><skipped/></testcase>
  </testsuite></testsuites>`;
  assert.deepEqual(parseJunit(xml), [
    { name: "a.1 one", status: "passed" },
    { name: "a.1 two <&>", status: "failed", message: "Uncaught Error: bad <x>" },
    { name: "a.2 ign", status: "skipped" },
  ]);
});
