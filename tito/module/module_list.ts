import { Command } from "commander";
import { action } from "../command_action.ts";
import { dim, say, table } from "../output.ts";
import { moduleNumbers, openProject } from "../project.ts";

/**
 * `tito module list [--tasks]`: the course's modules (numbers, names, titles, tasks, points,
 * prerequisites), and with `--tasks` every task.
 *
 * @returns The command.
 */
export function moduleListCommand(): Command {
  return new Command("list")
    .description("list the course's modules (and with --tasks, their tasks)")
    .option("--tasks", "show every task with its id, title and points")
    .action(action(async (options: { tasks?: boolean }) => {
      const project = await openProject();
      const rows = project.modules.map((m) => [
        moduleNumbers(m),
        m.name,
        m.title,
        String(m.tasks.length),
        String(m.tasks.reduce((s, t) => s + t.points, 0)),
        m.prerequisites.join(", ") || "—",
      ]);
      say(...table(["#", "module", "title", "tasks", "points", "builds on"], rows, [3, 4]));
      if (options.tasks) {
        for (const m of project.modules) {
          say("", `${moduleNumbers(m)} ${m.name}`);
          for (const t of m.tasks) {
            say(`  ${t.id.padEnd(16)} ${t.title} ${dim(`(${t.points} pts)`)}`);
          }
        }
      }
      say("", dim("Modules answer to their number or name: tito module start 15 = quantization."));
      return 0;
    }));
}
