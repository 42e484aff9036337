import { Command } from "commander";
import { action } from "../command_action.ts";
import { incomplete, milestoneStatus } from "../progress/course_status.ts";
import { dim, say, table } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import { openProject } from "../project.ts";

const LABEL = {
  achieved: "🏆 achieved",
  forced: "⚠️  passed with --force",
  ready: "🎯 ready to run",
  locked: "🔒 locked",
} as const;

/**
 * `tito milestone list`: every milestone with its modules and status.
 *
 * @returns The command.
 */
export function milestoneListCommand(): Command {
  return new Command("list")
    .description("list the milestones: achieved, ready to run or locked")
    .action(action(async () => {
      const project = await openProject();
      const progress = await readProgress(project.root);
      const rows = project.milestones.map((m) => {
        const status = milestoneStatus(m, progress);
        const missing = incomplete(m.modules, progress);
        return [
          m.id,
          `${m.title} (${m.year})`,
          m.modules.join(", "),
          LABEL[status] +
          (missing.length
            ? dim(`${status === "forced" ? ";" : ""} needs ${missing.join(", ")}`)
            : ""),
        ];
      });
      say(...table(["id", "milestone", "uses your", "status"], rows));
      say("", dim("tito milestone info <id> explains one; tito milestone run <id> runs it."));
      return 0;
    }));
}
