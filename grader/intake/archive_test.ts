import assert from "node:assert/strict";
import { gzipSync, zipSync } from "fflate";
import { ArchiveError, gunzipCapped } from "./archive.ts";
import { readTar, writeTar } from "./tar.ts";
import { readZip } from "./zip_reader.ts";

const text = (s: string) => new TextEncoder().encode(s);
const decode = (d: Uint8Array) => new TextDecoder().decode(d);

Deno.test("grader: readZip() reads stored and deflated files and directories", () => {
  const zip = zipSync({
    "a.ts": [text("export const a = 1;\n".repeat(50)), { level: 9 }],
    "dir/": new Uint8Array(0),
    "dir/b.ts": [text("b"), { level: 0 }],
  });
  const entries = readZip(zip);
  assert.deepEqual(entries.map((e) => [e.path, e.type]), [
    ["a.ts", "file"],
    ["dir/", "directory"],
    ["dir/b.ts", "file"],
  ]);
  assert.equal(decode(entries[0].data), "export const a = 1;\n".repeat(50));
  assert.equal(decode(entries[2].data), "b");
});

Deno.test("grader: readZip() sees a symbolic link in the Unix mode bits", () => {
  const link = { os: 3, attrs: (0o120777 << 16) >>> 0 };
  const zip = zipSync({ "evil.ts": [text("/etc/passwd"), link], "ok.ts": text("x") });
  assert.deepEqual(readZip(zip).map((e) => e.type), ["symlink", "file"]);
});

Deno.test("grader: readZip() refuses corrupt data and decompression bombs", () => {
  assert.throws(() => readZip(text("not a zip at all, just text")), ArchiveError);
  const bomb = zipSync({ "big.ts": [new Uint8Array(4 << 20), { level: 9 }] });
  assert.throws(
    () => readZip(bomb, { maxBytes: 1 << 20, maxFileBytes: 8 << 20, maxEntries: 10 }),
    /expands beyond 1 MiB$/,
  );
  assert.throws(
    () => readZip(bomb, { maxBytes: 8 << 20, maxFileBytes: 1 << 20, maxEntries: 10 }),
    /"big.ts" expands to 4 MiB, more than the 1 MiB a file may hold$/,
  );
  const many = zipSync(
    Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}.ts`, text("")])),
  );
  assert.throws(
    () => readZip(many, { maxBytes: 1 << 20, maxFileBytes: 1 << 20, maxEntries: 10 }),
    /more than 10 entries/,
  );
});

Deno.test("grader: writeTar() and readTar() round-trip files, long paths and links", () => {
  const long = `${"deep/".repeat(30)}file.ts`;
  const tar = writeTar([
    { path: "a.ts", data: text("hello") },
    { path: long, data: text("x".repeat(1000)) },
    { path: "link.ts", link: "/etc/passwd" },
    { path: "hard.ts", link: "a.ts", hard: true },
  ]);
  assert.equal(tar.length % 512, 0);
  const entries = readTar(tar);
  assert.deepEqual(entries.map((e) => [e.path, e.type]), [
    ["a.ts", "file"],
    [long, "file"],
    ["link.ts", "symlink"],
    ["hard.ts", "hardlink"],
  ]);
  assert.equal(decode(entries[0].data), "hello");
  assert.equal(entries[1].data.length, 1000);
});

Deno.test("grader: readTar() refuses a bad checksum and truncation", () => {
  const tar = writeTar([{ path: "a.ts", data: text("hello") }]);
  const bad = tar.slice();
  bad[0] = "b".charCodeAt(0);
  assert.throws(() => readTar(bad), /checksum/);
  assert.throws(() => readTar(tar.slice(0, 514)), /truncated/);
});

Deno.test("grader: gunzipCapped() stops at the cap", () => {
  const gz = gzipSync(new Uint8Array(3 << 20));
  assert.equal(gunzipCapped(gz, 4 << 20).length, 3 << 20);
  assert.throws(() => gunzipCapped(gz, 1 << 20), /expands beyond 1 MiB$/);
  assert.throws(() => gunzipCapped(text("nope"), 1 << 20), ArchiveError);
});
