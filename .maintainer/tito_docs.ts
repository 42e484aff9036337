// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task docs:tito` rewrites the generated regions of `docs/tito.md` (every command's
 * `--help` and the transcripts, from real runs of tito on its fixture course); with `--check` it
 * only reports whether the file is current (`tito_docs_test.ts` checks the same in CI).
 *
 * @module
 */
import { generateTitoDocs, TITO_DOCS } from "./tito_docs/generate.ts";

const started = performance.now();
const before = await Deno.readTextFile(TITO_DOCS);
const after = await generateTitoDocs(before);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (Deno.args.includes("--check")) {
  if (after !== before) {
    console.error(`docs/tito.md is not current: run deno task docs:tito (${seconds} s)`);
    Deno.exit(1);
  }
  console.log(`docs/tito.md is current (${seconds} s)`);
} else if (after === before) {
  console.log(`docs/tito.md was already current (${seconds} s)`);
} else {
  await Deno.writeTextFile(TITO_DOCS, after);
  console.log(`wrote docs/tito.md (${seconds} s)`);
}
