import assert from "node:assert/strict";
import { Command } from "commander";
import {
  action,
  type ErrorStyle,
  type Failure,
  runCommandLine,
  TITO_ERRORS,
  wantsJson,
} from "./command_action.ts";
import { TitoError } from "./tito_error.ts";

/** A style that records what it prints, and a program whose one command runs `work`. */
function setUp(work: (options: { json?: boolean }) => Promise<number>) {
  const printed: [Failure, boolean][] = [];
  const style: ErrorStyle = {
    failure: TITO_ERRORS.failure,
    print: (failure, json) => printed.push([failure, json]),
  };
  const program = new Command("t").exitOverride().configureOutput({ writeErr: () => {} });
  program.command("go").option("--json").action(action(work, style));
  return { printed, style, program };
}

async function exitCodeOf(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } finally {
    Deno.exitCode = 0; // the test process's own
  }
}

Deno.test("tito: runCommandLine() returns the action's exit code, a failure's, or the usage code", async () => {
  const ok = setUp(() => Promise.resolve(3));
  assert.equal(await exitCodeOf(() => runCommandLine(ok.program, ["go"])), 3);
  const usage = { usageExitCode: (code: number) => (code === 0 ? 0 : 2) };
  assert.equal(await exitCodeOf(() => runCommandLine(ok.program, ["go", "--bad"], usage)), 2);
  assert.equal(await exitCodeOf(() => runCommandLine(ok.program, ["go", "--bad"])), 1);

  const refused = setUp(() => {
    throw new TitoError("Cannot go", { hint: "Stay.", exitCode: 4 });
  });
  const options = { style: refused.style };
  assert.equal(await exitCodeOf(() => runCommandLine(refused.program, ["go"], options)), 4);
  assert.equal(
    await exitCodeOf(() => runCommandLine(refused.program, ["go", "--json"], options)),
    4,
  );
  assert.deepEqual(refused.printed, [
    [{ message: "Cannot go", hint: "Stay.", exitCode: 4 }, false],
    [{ message: "Cannot go", hint: "Stay.", exitCode: 4 }, true],
  ]);

  const crash = setUp(() => Promise.reject(new RangeError("boom")));
  await assert.rejects(
    exitCodeOf(() => runCommandLine(crash.program, ["go"], { style: crash.style })),
    /boom/,
    "without --json an unexpected error keeps its stack trace",
  );
  assert.equal(await exitCodeOf(() => runCommandLine(crash.program, ["go", "--json"])), 1);
  assert.deepEqual(crash.printed, [[{ message: "RangeError: boom", exitCode: 1 }, true]]);
});

Deno.test("tito: wantsJson() reads --json before a --", () => {
  assert.equal(wantsJson(["test", "--json"]), true);
  assert.equal(wantsJson(["test", "--", "--json"]), false);
  assert.equal(TITO_ERRORS.failure(new Error("x"), false), undefined);
  assert.deepEqual(TITO_ERRORS.failure(new Error("x"), true), { message: "Error: x", exitCode: 1 });
});
