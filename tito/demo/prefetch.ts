/**
 * The demo's first step (`deno task demo` runs it before `main.ts`): loads every package the demo
 * loads, the MNIST digits' package included (the demo imports it through a computed specifier
 * Deno cannot see ahead), and exits without printing.
 *
 * On a fresh Deno cache this process is the one that downloads, so Deno's download bar appears
 * and is cleared here, before the demo prints anything; in the demo's own process the bar would
 * stay on screen and, when it cleared at exit, erase the demo's last lines.
 *
 * @module
 */
import "cli-progress";
import "@tinytorch/datasets";
import "@tinytorch/quantization";
import "./experiments.ts";
import "./chart.ts";

const digits = "mnist/src/digits/0.json";
try {
  await import(digits, { with: { type: "json" } });
} catch {
  // Seen: with the tarball cached but not its registry metadata, Deno fetches the metadata here
  // on every run, which fails offline. The demo runs --cached-only, needs no metadata, and
  // reports a package that is really missing, so a failure here is not the demo's failure.
}
