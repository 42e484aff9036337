import { Command } from "commander";
import { action } from "../command_action.ts";
import { incomplete, milestoneStatus, moduleStatuses, nextCommand } from "../course_status.ts";
import { bar, bold, command, dim, say, table } from "../output.ts";
import { readProgress } from "../progress_store.ts";
import { moduleNumbers, openProject } from "../project.ts";

const ICON = { "done": "✅", "in progress": "🔨", "ready": "⏳", "locked": "🔒" } as const;
const MILESTONE_ICON = {
  "achieved": "🏆",
  "forced": "⚠️ ",
  "ready": "🎯",
  "locked": "🔒",
} as const;

/**
 * `tito module status`: a table of every module (done / in progress / ready / locked), a
 * progress bar, the milestones and the next command.
 *
 * @returns The command.
 */
export function moduleStatusCommand(): Command {
  return new Command("status")
    .description("show your progress: modules, milestones and what to do next")
    .action(action(async () => {
      const project = await openProject();
      const progress = await readProgress(project.root);
      const statuses = await moduleStatuses(project, progress);
      const rows = project.modules.map((m) => {
        const status = statuses.get(m.name)!;
        const missing = incomplete(m.prerequisites, progress);
        const note = status === "done"
          ? dim(`completed ${progress.modules[m.name].completedAt.slice(0, 10)}`)
          : status === "locked"
          ? dim(`needs ${missing.join(", ")}`)
          : "";
        return [moduleNumbers(m), m.name, `${ICON[status]} ${status}`, note];
      });
      const done = project.modules.filter((m) => statuses.get(m.name) === "done").length;
      say(bold("Your TinyTorch"), "");
      say(...table(["#", "module", "status", ""], rows));
      say(
        "",
        `${
          bar(done, project.modules.length, 30).padEnd(30, "░")
        } ${done}/${project.modules.length} modules complete`,
      );
      if (project.milestones.length) {
        say("", bold("Milestones"));
        for (const m of project.milestones) {
          const s = milestoneStatus(m, progress);
          const needs = incomplete(m.modules, progress);
          say(
            `  ${MILESTONE_ICON[s]} ${m.id} ${m.title} (${m.year}) ${
              dim(
                s === "locked"
                  ? `needs ${needs.join(", ")}`
                  : s === "forced"
                  ? `passed with --force; needs ${needs.join(", ")}`
                  : s,
              )
            }`,
          );
        }
      }
      const next = nextCommand(project, progress, statuses);
      say("", next ? `💡 Next: ${command(next)}` : "🎉 Everything is done.");
      return 0;
    }));
}
