import assert from "node:assert/strict";

function valueImports(source: string): string[] {
  const found = [...source.matchAll(/^import\s+(?!type\s)(?:[^"']*\sfrom\s+)?["']([^"']+)["'];/gm)];
  return found.map((m) => m[1]).sort();
}

Deno.test("tito: the demo's prefetch step loads every package the demo imports", async () => {
  const main = await Deno.readTextFile(new URL("./main.ts", import.meta.url));
  const prefetch = await Deno.readTextFile(new URL("./prefetch.ts", import.meta.url));
  assert.deepEqual(valueImports(prefetch), valueImports(main));
  assert.match(prefetch, /mnist\/src\/digits\/0\.json/);
  const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
  assert.match(
    config.tasks.demo,
    /tito\/demo\/prefetch\.ts && deno run -A --cached-only tito\/demo\/main\.ts$/,
  );
});
