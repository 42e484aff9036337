/**
 * `deno task tito <command>`: the learner's command-line tool. Run `deno task tito --help`.
 *
 * @module
 */
import { Command } from "commander";
import { reportError, runCommandLine, wantsJson } from "./command_action.ts";
import { moduleCommands, submitCommand } from "./module/module_commands.ts";
import { testCommand } from "./test/test_command.ts";
import { benchCommand } from "./profile/bench_command.ts";
import { doctorCommand } from "./doctor/doctor_command.ts";
import { profileCommand } from "./profile/profile_command.ts";
import { milestoneCommands } from "./milestones/milestone_commands.ts";

const json = wantsJson(Deno.args);

function exitOverrideEverywhere(c: Command): void {
  c.exitOverride();
  if (json) {
    c.configureOutput({
      outputError: (text) => reportError(text.replace(/^error: /, "").trim(), undefined, true),
    });
  } else c.showHelpAfterError("(add --help for usage)");
  for (const sub of c.commands) exitOverrideEverywhere(sub);
}

const program = new Command("tito")
  .description("TinyTorch for Deno: build your own ML framework, one module at a time")
  .version("0.1.0")
  .addCommand(moduleCommands())
  .addCommand(testCommand())
  .addCommand(milestoneCommands())
  .addCommand(profileCommand())
  .addCommand(benchCommand())
  .addCommand(submitCommand())
  .addCommand(doctorCommand());
program.addHelpText(
  "after",
  "\nStart with `tito module status`; every command is described in docs/tito.md.",
);
exitOverrideEverywhere(program);

// 2: the command line was wrong
Deno.exitCode = await runCommandLine(program, Deno.args, {
  usageExitCode: (code) => code === 0 ? 0 : 2,
});
