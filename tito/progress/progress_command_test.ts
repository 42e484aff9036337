import assert from "node:assert/strict";
import { fixture } from "../_fixture.ts";

Deno.test("tito: a corrupted progress file is moved aside and reported, never reset", async () => {
  await using f = await fixture();
  await Deno.mkdir(`${f.root}/.tito`);
  const corrupt = '{"schema": 1, "modules": {"adder": {"completedAt": "2026-01-01T00:00:00Z", "tas';
  await f.write(".tito/progress.json", corrupt);
  const status = await f.tito(["module", "status"]);
  assert.equal(status.code, 1);
  assert.match(status.stderr, /Cannot read \.tito\/progress\.json: it is not valid JSON/);
  const aside = (await Array.fromAsync(Deno.readDir(`${f.root}/.tito`)))
    .map((e) => e.name).filter((n) => n.startsWith("progress.json.corrupt-"));
  assert.equal(aside.length, 1);
  assert.match(status.stderr, new RegExp(`moved to \\.tito/${aside[0]}, so nothing is lost`));
  assert.equal(await f.read(`.tito/${aside[0]}`), corrupt, "the old record is kept byte for byte");
  assert.equal(await f.progress(), null);
  const again = await f.tito(["module", "status"]);
  assert.equal(again.code, 0, "the next command starts a new record");

  await f.write(".tito/progress.json", '{"schema": 7, "modules": {}, "milestones": {}}');
  const newer = await f.tito(["module", "complete", "adder"]);
  assert.equal(newer.code, 1);
  assert.match(newer.stderr, /schema 7, written by a newer tito/);
  assert.equal(
    await f.read(".tito/progress.json"),
    '{"schema": 7, "modules": {}, "milestones": {}}',
  );
});
