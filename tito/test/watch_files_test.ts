import assert from "node:assert/strict";
import { watchFiles } from "./watch_files.ts";

Deno.test("tito: watchFiles yields one batch per save of source files and ignores the rest", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tito-watch-" });
  await Deno.mkdir(`${dir}/.tito`);
  const stop = new AbortController();
  try {
    const batches = watchFiles([dir], { signal: stop.signal, quietMs: 300 });
    const first = batches.next();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the watcher is ready
    await Deno.writeTextFile(`${dir}/notes.txt`, "not a source file");
    await Deno.writeTextFile(`${dir}/.tito/progress.json`, "{}");
    await Deno.writeTextFile(`${dir}/a.ts`, "export const a = 1;\n");
    await Deno.writeTextFile(`${dir}/a.ts`, "export const a = 2;\n");
    assert.deepEqual((await first).value, [`${dir}/a.ts`]);
    stop.abort();
    assert.equal((await batches.next()).done, true);
  } finally {
    stop.abort();
    await Deno.remove(dir, { recursive: true });
  }
});
