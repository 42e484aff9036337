import type { ModuleInfo } from "@tinytorch/course";
import { Command } from "commander";
import { action } from "../command_action.ts";
import { STDIO } from "../output.ts";
import { openProject } from "../project.ts";
import { printProgressStatus, progressStatus } from "../progress/progress_status.ts";
import { DEFAULT_TEST_TIMEOUT_S } from "../test/test_runner.ts";
import { timeoutSeconds } from "../tito_error.ts";
import { moduleComplete, printModuleComplete } from "./module_complete.ts";
import { moduleList, printModuleList } from "./module_list.ts";
import { moduleReset, printModuleReset } from "./module_reset.ts";
import { moduleStart, printModuleStart } from "./module_start.ts";
import { moduleStatus, printModuleStatus, printModuleStatusHeading } from "./module_status.ts";
import { printSubmit, submit } from "./submit.ts";

const MODULE = "number or name, e.g. 15 or quantization";

function listCommand(): Command {
  return new Command("list")
    .description("list the course's modules (and with --tasks, their tasks)")
    .option("--tasks", "show every task with its id, title and points")
    .action(action(async (options: { tasks?: boolean }) => {
      printModuleList(await moduleList(await openProject(), options), STDIO);
      return 0;
    }));
}

function statusCommand(): Command {
  return new Command("status")
    .description("show your progress: modules, milestones and what to do next")
    .argument("[module]", "one module: each task (done, failing, stub) with its points")
    .action(action(async (ref?: string) => {
      const project = await openProject();
      if (ref === undefined) {
        printProgressStatus(await progressStatus(project), STDIO);
        return 0;
      }
      const onStart = (m: ModuleInfo) => printModuleStatusHeading(m, STDIO);
      printModuleStatus(await moduleStatus(project, ref, { onStart }), STDIO);
      return 0;
    }));
}

function startCommand(): Command {
  return new Command("start")
    .description("render a module's stubs so you can implement it (backs up the folder first)")
    .argument("<module>", MODULE)
    .option("--force", "replace the folder even if it holds work that is not the stub")
    .action(action(async (ref: string, options: { force?: boolean }) => {
      const report = await moduleStart(await openProject(), ref, {
        ...options,
        onWarning: STDIO.warn,
      });
      printModuleStart(report, STDIO);
      return 0;
    }));
}

function completeCommand(): Command {
  return new Command("complete")
    .description("test a module and record it as complete if every case passes")
    .argument("<module>", MODULE)
    .option("--timeout <s>", `stop the tests after s seconds (default ${DEFAULT_TEST_TIMEOUT_S})`)
    .option("--force", "record the course's own reference code (instructors; recorded as forced)")
    .action(action(async (ref: string, options: { timeout?: string; force?: boolean }) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_TEST_TIMEOUT_S);
      const report = await moduleComplete(await openProject(), ref, {
        timeoutSeconds: seconds,
        force: options.force,
        onWarning: STDIO.warn,
      });
      printModuleComplete(report, STDIO);
      return report.recorded === "no" ? 1 : 0;
    }));
}

function resetCommand(): Command {
  return new Command("reset")
    .description("restore a module's stub, or its reference solution (backs up the folder first)")
    .argument("<module>", MODULE)
    .option("--solution", "restore the reference solution from .tito/reference/<module>/")
    .action(action(async (ref: string, options: { solution?: boolean }) => {
      printModuleReset(await moduleReset(await openProject(), ref, options), STDIO);
      return 0;
    }));
}

/**
 * `tito module list|status|start|complete|reset`: commander's side of the module commands (each
 * command's work and printer are in its own file).
 *
 * @returns The `module` command and its subcommands.
 */
export function moduleCommands(): Command {
  return new Command("module").description("work on course modules")
    .addCommand(listCommand())
    .addCommand(statusCommand())
    .addCommand(startCommand())
    .addCommand(completeCommand())
    .addCommand(resetCommand());
}

/**
 * `tito submit <module> [--out <file>] [--force]`: commander's side of {@linkcode submit}.
 *
 * @returns The command.
 */
export function submitCommand(): Command {
  return new Command("submit")
    .description("pack a module's files and a manifest into a .zip for your instructor")
    .argument("<module>", MODULE)
    .option("-o, --out <file>", "where to write the archive (in an existing folder)")
    .option("--force", "replace the --out file if it exists")
    .action(action(async (ref: string, options: { out?: string; force?: boolean }) => {
      printSubmit(await submit(await openProject(), ref, options), STDIO);
      return 0;
    }));
}
