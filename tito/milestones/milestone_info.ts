import { Command } from "commander";
import { action } from "../command_action.ts";
import { milestoneStatus } from "../progress/course_status.ts";
import { bold, command, dim, say } from "../output.ts";
import { isForced, readProgress } from "../progress/progress_store.ts";
import { openProject, resolveMilestone } from "../project.ts";

/**
 * `tito milestone info <id>`: what a milestone runs, its pass marks, the modules it needs (done
 * or not) and the last achievement's measurements.
 *
 * @returns The command.
 */
export function milestoneInfoCommand(): Command {
  return new Command("info")
    .description("explain a milestone: what it runs, its pass marks, what it needs")
    .argument("<id>", "e.g. 06")
    .action(action(async (ref: string) => {
      const project = await openProject();
      const m = resolveMilestone(project, ref);
      const progress = await readProgress(project.root);
      say(bold(`Milestone ${m.id}: ${m.title} (${m.year})`), "", m.summary, "", "Pass marks:");
      for (const [k, v] of Object.entries(m.thresholds)) say(`  ${k} = ${v}`);
      say("", "Uses your modules:");
      for (const name of m.modules) {
        say(`  ${progress.modules[name] ? "✅" : "⬜"} ${name}`);
      }
      const achieved = progress.milestones[m.id];
      if (achieved && isForced(achieved)) {
        const then = achieved.incompleteModules?.join(", ") ?? "some modules";
        say(
          "",
          `⚠️  Passed with --force ${achieved.achievedAt} (${then} incomplete: not achieved):`,
        );
      } else if (achieved) say("", `🏆 Achieved ${achieved.achievedAt}:`);
      if (achieved) {
        for (const [k, v] of Object.entries(achieved.measurements)) say(`  ${k}: ${v}`);
      }
      const status = milestoneStatus(m, progress);
      say(
        "",
        status === "locked" || status === "forced"
          ? dim(
            `Locked until those modules are complete (${
              command(`tito milestone run ${m.id} --force`)
            } tries anyway).`,
          )
          : `💡 ${command(`tito milestone run ${m.id}`)}`,
      );
      return 0;
    }));
}
