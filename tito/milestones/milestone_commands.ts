import { Command } from "commander";
import { action } from "../command_action.ts";
import { progressBar, say, STDIO } from "../output.ts";
import { openProject } from "../project.ts";
import { timeoutSeconds } from "../tito_error.ts";
import { milestoneInfo, printMilestoneInfo } from "./milestone_info.ts";
import { milestoneList, printMilestoneList } from "./milestone_list.ts";
import { DEFAULT_MILESTONE_TIMEOUT_S } from "./milestone_process.ts";
import { milestoneRun, printMilestoneRun, printMilestoneRunStart } from "./milestone_run.ts";

function listCommand(): Command {
  return new Command("list")
    .description("list the milestones: achieved, ready to run or locked")
    .action(action(async () => {
      printMilestoneList(await milestoneList(await openProject()), STDIO);
      return 0;
    }));
}

function infoCommand(): Command {
  return new Command("info")
    .description("explain a milestone: what it runs, its pass marks, what it needs")
    .argument("<id>", "e.g. 06")
    .action(action(async (ref: string) => {
      printMilestoneInfo(await milestoneInfo(await openProject(), ref), STDIO);
      return 0;
    }));
}

function runCommand(): Command {
  return new Command("run")
    .description("run a milestone on your modules and record it if it passes")
    .argument("<id>", "e.g. 06")
    .option("--force", "run it even though its modules are not complete yet")
    .option(
      "--timeout <s>",
      `stop the run after s seconds (default ${DEFAULT_MILESTONE_TIMEOUT_S})`,
    )
    .action(action(async (ref: string, options: { force?: boolean; timeout?: string }) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_MILESTONE_TIMEOUT_S);
      const report = await milestoneRun(await openProject(), ref, {
        force: options.force,
        timeoutSeconds: seconds,
        onStart: (m, missing) => printMilestoneRunStart(m, missing, STDIO),
        log: (line) => say(`   ${line}`),
        progress: (label) => progressBar(`   ${label}`),
      });
      printMilestoneRun(report, STDIO);
      return report.recorded === "no" ? 1 : 0;
    }));
}

/**
 * `tito milestone list|info|run`: commander's side of the milestone commands (each command's
 * work and printer are in its own file).
 *
 * @returns The `milestone` command and its subcommands.
 */
export function milestoneCommands(): Command {
  return new Command("milestone")
    .description("run historical milestones on your own modules")
    .addCommand(listCommand())
    .addCommand(infoCommand())
    .addCommand(runCommand());
}
