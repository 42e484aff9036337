import assert from "node:assert/strict";
import { parseJunit } from "./junit.ts";

Deno.test("tito: parseJunit() reads names, files, outcomes and escaped messages", () => {
  const xml = `<testsuites><testsuite name="./x_test.ts">
    <testcase name="a.1 one" classname="./modules/course/cases_to_deno_tests.ts" time="0.0">
    </testcase>
    <testcase name="a.1 two &lt;&amp;&gt;" classname="./tests/a_x_test.ts" time="0.001">
      <failure message="Uncaught CaseFailure: got &quot;x&quot;, want &#39;y&#39;">stack</failure>
    </testcase>
    <testcase name="a.2 ign" classname="./x_test.ts" time="0.000"><skipped/></testcase>
  </testsuite></testsuites>`;
  assert.deepEqual(parseJunit(xml), [
    { name: "a.1 one", file: "./modules/course/cases_to_deno_tests.ts", status: "passed" },
    {
      name: "a.1 two <&>",
      file: "./tests/a_x_test.ts",
      status: "failed",
      message: `Uncaught CaseFailure: got "x", want 'y'`,
    },
    { name: "a.2 ign", file: "./x_test.ts", status: "skipped" },
  ]);
});
