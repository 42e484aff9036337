// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task build:kernels` rebuilds the int8 Wasm kernels from their WAT sources and writes the
 * committed files; `deno task check:kernels` (CI) exits 1 when those files are stale.
 *
 * @module
 */
import { staleKernelFiles, writeKernels } from "../modules/quantization/kernels/build_wasm.ts";

if (Deno.args.includes("--check")) {
  const stale = await staleKernelFiles();
  if (stale.length > 0) {
    console.error(`Stale int8 kernel files: ${stale.join(", ")}; run deno task build:kernels`);
    Deno.exit(1);
  }
  console.log("int8 kernels are up to date");
} else {
  for (const file of await writeKernels()) {
    console.log(`wrote ${file.name} (${file.bytes.length} bytes)`);
  }
}
