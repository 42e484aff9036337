import assert from "node:assert/strict";
import { csvCell, markdownFence, markdownText, visibleText } from "./inert_text.ts";

Deno.test("grader: csvCell() defuses formulas and quotes what needs quoting", () => {
  for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
    const cell = csvCell(`${lead}HYPERLINK("http://x")`);
    assert.ok(cell.startsWith(`"'${lead}`) || cell.startsWith(`'${lead}`), JSON.stringify(cell));
  }
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("ada"), "ada");
  assert.equal(csvCell("a-b"), "a-b", "only a leading sign is live");
  assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
  assert.equal(csvCell(-3.5), "-3.5", "numbers stay numbers");
});

Deno.test("grader: visibleText() replaces controls, bidi and zero-width marks and cuts long text", () => {
  assert.equal(
    visibleText("ab\u202Ecd\u2066e\u200Bf\x1b[31m"),
    "ab\uFFFDcd\uFFFDe\uFFFDf\uFFFD[31m",
  );
  assert.equal(visibleText("line\nbreak\ttab"), "line\uFFFDbreak\uFFFDtab");
  assert.equal(visibleText("王芳 Ćosić"), "王芳 Ćosić");
  assert.equal(visibleText("x".repeat(20), 5), "xxxx…");
  assert.equal(
    [...visibleText("😀".repeat(20), 5)].length,
    5,
    "cut by characters, not UTF-16 units",
  );
});

Deno.test("grader: markdownText() leaves no live inline Markdown or HTML", () => {
  assert.equal(
    markdownText("*bold* [a](http://x) <img src=x> &amp; `c` a|b ~s~ _i_ \\"),
    "\\*bold\\* \\[a\\](http://x) \\<img src=x\\> \\&amp; \\`c\\` a\\|b \\~s\\~ \\_i\\_ \\\\",
  );
  assert.equal(markdownText("x\n# heading"), "x\uFFFD# heading", "no new line can start a block");
});

Deno.test("grader: markdownFence() cannot be closed from inside", () => {
  const text = "a\n```\n# out\n````\nb\u202E\tc";
  const [open, body, close] = markdownFence(text);
  assert.equal(open, "`````text");
  assert.equal(close, "`````");
  assert.equal(body, "a\n```\n# out\n````\nb\uFFFD\tc", "lines and tabs kept, bidi replaced");
  assert.deepEqual(markdownFence("plain"), ["```text", "plain", "```"]);
});
