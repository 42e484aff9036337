import { Command } from "commander";
import { action } from "../command_action.ts";
import { STDIO } from "../output.ts";
import { openProject } from "../project.ts";
import { doctor, printDoctor } from "./doctor.ts";

/**
 * `tito doctor`: commander's side of {@linkcode doctor}; exit code 1 when a check fails.
 *
 * @returns The command.
 */
export function doctorCommand(): Command {
  return new Command("doctor")
    .description("check Deno, cached dependencies, datasets, .tito/ and your progress file")
    .action(action(async () => {
      const report = await doctor(await openProject());
      printDoctor(report, STDIO);
      return report.problems ? 1 : 0;
    }));
}
