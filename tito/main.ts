/**
 * `deno task tito <command>`: the learner's command-line tool. Run `deno task tito --help`.
 *
 * @module
 */
import { Command } from "commander";
import { reportError, runCommandLine, wantsJson } from "./command_action.ts";
import { moduleCompleteCommand } from "./module/module_complete.ts";
import { moduleListCommand } from "./module/module_list.ts";
import { moduleResetCommand } from "./module/module_reset.ts";
import { moduleStartCommand } from "./module/module_start.ts";
import { moduleStatusCommand } from "./module/module_status.ts";
import { testCommand } from "./test/test_command.ts";
import { benchCommand } from "./profile/bench_command.ts";
import { doctorCommand } from "./doctor/doctor_command.ts";
import { profileCommand } from "./profile/profile_command.ts";
import { submitCommand } from "./module/submit.ts";
import { milestoneInfoCommand } from "./milestones/milestone_info.ts";
import { milestoneListCommand } from "./milestones/milestone_list.ts";
import { milestoneRunCommand } from "./milestones/milestone_run.ts";

function group(name: string, description: string, commands: Command[]): Command {
  const g = new Command(name).description(description);
  for (const c of commands) g.addCommand(c);
  return g;
}

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
  .addCommand(group("module", "work on course modules", [
    moduleListCommand(),
    moduleStatusCommand(),
    moduleStartCommand(),
    moduleCompleteCommand(),
    moduleResetCommand(),
  ]))
  .addCommand(testCommand())
  .addCommand(group("milestone", "run historical milestones on your own modules", [
    milestoneListCommand(),
    milestoneInfoCommand(),
    milestoneRunCommand(),
  ]))
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
