import assert from "node:assert/strict";
import { subcommands } from "./help_tree.ts";

Deno.test("maintainer: subcommands() lists a help text's commands but help", () => {
  const help = `Usage: tito milestone [options] [command]

run historical milestones on your own modules

Options:
  -h, --help          display help for command

Commands:
  list                list the milestones: achieved, ready to run or locked
  info <id>           explain a milestone: what it runs, its pass marks, what it
                      needs
  run [options] <id>  run a milestone on your modules and record it if it passes
  help [command]      display help for command
`;
  assert.deepEqual(subcommands(help), ["list", "info", "run"]);
  assert.deepEqual(subcommands("Usage: tito doctor [options]\n\nOptions:\n  -h, --help\n"), []);
});
