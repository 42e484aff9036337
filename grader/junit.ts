/** One test case read from a JUnit report. */
export interface JunitCase {
  /** The test name. */
  readonly name: string;
  /** Its outcome. */
  readonly status: "passed" | "failed" | "skipped";
  /** The failure message, for failed cases. */
  readonly message?: string;
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );
}

/**
 * Reads the test cases of a JUnit XML report as written by `deno test --junit-path`.
 *
 * @example Usage
 * ```ts
 * import { parseJunit } from "@tinytorch/grader";
 * const xml = '<testcase name="a.1 x" time="0"><failure message="boom">…</failure></testcase>';
 * console.log(parseJunit(xml)); // [{ name: "a.1 x", status: "failed", message: "boom" }]
 * ```
 *
 * @param xml The report.
 * @returns The cases in report order.
 */
export function parseJunit(xml: string): JunitCase[] {
  const out: JunitCase[] = [];
  const re = /<testcase\s+name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(re)) {
    const name = unescapeXml(m[1]);
    const body = m[3] ?? "";
    const failure = /<(failure|error)\b(?:[^>]*?\smessage="([^"]*)")?[^>]*>/.exec(body);
    if (failure) out.push({ name, status: "failed", message: unescapeXml(failure[2] ?? "") });
    else if (/<skipped/.test(body)) out.push({ name, status: "skipped" });
    else out.push({ name, status: "passed" });
  }
  return out;
}
