import { Command } from "commander";
import { action } from "../command_action.ts";
import {
  incomplete,
  milestoneStatus,
  moduleStatuses,
  nextCommand,
} from "../progress/course_status.ts";
import { bar, bold, command, dim, say, table } from "../output.ts";
import { readProgress } from "../progress/progress_store.ts";
import type { ModuleInfo } from "@tinytorch/course";
import {
  moduleLabel,
  moduleNumbers,
  openProject,
  type Project,
  resolveModule,
} from "../project.ts";
import { checkReference } from "../reference/reference_manifest.ts";
import { stubbedTasks } from "./stub_state.ts";
import { runModuleTests } from "../test/test_runner.ts";

const ICON = { "done": "✅", "in progress": "🔨", "ready": "⏳", "locked": "🔒" } as const;
const MILESTONE_ICON = {
  "achieved": "🏆",
  "forced": "⚠️ ",
  "ready": "🎯",
  "locked": "🔒",
} as const;

const TASK_ICON = {
  "passed": "✅ done",
  "failed": "❌ failing",
  "not-implemented": "🧱 stub",
  "not-run": "⏸️  not run",
} as const;

async function showModule(project: Project, module: ModuleInfo): Promise<number> {
  say(bold(`${moduleLabel(module)}: ${module.title}`), dim("running its cases…"), "");
  const report = await runModuleTests(project, module);
  const rows = report.tasks.map((t) => {
    const first = t.cases.find((c) => c.status === "failed" && !c.notImplemented)?.message;
    const note = t.status === "failed" && first ? dim(first.split("\n")[0].slice(0, 60)) : "";
    return [t.id, t.title, `${TASK_ICON[t.status]}`, `${t.points} pts`, note];
  });
  say(...table(["task", "title", "status", "points", "first failure"], rows, [3]));
  const earned = report.tasks.filter((t) => t.status === "passed").reduce(
    (a, t) => a + t.points,
    0,
  );
  const total = report.tasks.reduce((a, t) => a + t.points, 0);
  say("", `${earned} of ${total} points pass locally (the grader adds hidden cases).`);
  if (report.loadError) say(`❌ ${report.loadError.split("\n")[0]}`);
  const open = report.tasks.find((t) => t.status !== "passed");
  const n = moduleNumbers(module);
  const reference = (await checkReference(project.root, module)).matches;
  const next = reference
    ? `tito module start ${n}`
    : open
    ? `tito test --module ${n} --task ${open.id.split(".")[1]}`
    : `tito module complete ${n}`;
  say("", `💡 Next: ${command(next)}`);
  return 0;
}

/**
 * `tito module status [module]`: a table of every module (done / in progress / ready / locked),
 * a progress bar, the milestones and the next command; with a module, each of its tasks (done,
 * failing, stub) with its points, from a run of its cases.
 *
 * @returns The command.
 */
export function moduleStatusCommand(): Command {
  return new Command("status")
    .description("show your progress: modules, milestones and what to do next")
    .argument("[module]", "one module: each task (done, failing, stub) with its points")
    .action(action(async (ref?: string) => {
      const project = await openProject();
      if (ref !== undefined) return await showModule(project, resolveModule(project, ref));
      const progress = await readProgress(project.root);
      const statuses = await moduleStatuses(project, progress);
      const stubsByModule = new Map<string, string[]>();
      for (const m of project.modules) {
        if (statuses.get(m.name) === "in progress") {
          stubsByModule.set(m.name, await stubbedTasks(project.root, m).catch(() => []));
        }
      }
      const rows = project.modules.map((m) => {
        const status = statuses.get(m.name)!;
        const missing = incomplete(m.prerequisites, progress);
        const stubs = stubsByModule.get(m.name) ?? [];
        const note = status === "done"
          ? dim(
            `completed ${progress.modules[m.name].completedAt.slice(0, 10)}${
              progress.modules[m.name].forced ? " (forced: the course's reference)" : ""
            }`,
          )
          : status === "locked"
          ? dim(`needs ${missing.join(", ")}`)
          : status === "in progress"
          ? dim(`${m.tasks.length - stubs.length} of ${m.tasks.length} tasks written`)
          : "";
        return [moduleNumbers(m), m.name, `${ICON[status]} ${status}`, note];
      });
      const done = project.modules.filter((m) => statuses.get(m.name) === "done").length;
      say(bold("Your TinyTorch"), "");
      say(...table(["#", "module", "status", "progress"], rows));
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
      say("", `💡 Next: ${command(await nextCommand(project, progress))}`);
      return 0;
    }));
}
