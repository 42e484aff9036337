import assert from "node:assert/strict";
import { interruptedExitCode } from "./cli_autograde.ts";
import { formatBytes } from "./sandbox/limits.ts";

Deno.test("grader: an interrupted autograde exits 130 on SIGINT and 143 on SIGTERM", () => {
  assert.equal(interruptedExitCode("SIGINT"), 130);
  assert.equal(interruptedExitCode("SIGTERM"), 143);
  assert.equal(interruptedExitCode(), 130);
});

Deno.test("grader: formatBytes() names sizes in binary units", () => {
  assert.equal(formatBytes(64 * 1024 * 1024), "64 MiB");
  assert.equal(formatBytes(16 * 1024 * 1024), "16 MiB");
  assert.equal(formatBytes(1536), "1.5 KiB");
  assert.equal(formatBytes(300), "300 bytes");
  assert.equal(formatBytes(2 ** 31), "2 GiB");
});
