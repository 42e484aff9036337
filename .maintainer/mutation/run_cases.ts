/**
 * The test command Stryker's command runner runs in its sandbox (the current directory):
 * `deno run -A .maintainer/mutation/run_cases.ts <module> <problem log>`. Without an active mutant (Stryker's
 * dry run) it runs every case of the module; with one (`__STRYKER_ACTIVE_MUTANT__`), only the
 * cases of the task whose region holds the mutant, selected with the anchored filter
 * `/^<task> /`. The exit code is the verdict: non-zero kills the mutant. A mutant whose task
 * cannot be found would count as killed, so it is also written to the problem log, which
 * `deno task mutation` reads when Stryker is done.
 *
 * @module
 */
import { findModule } from "@tinytorch/course";
import { mutantTasks } from "./mutation_plan.ts";

const CACHE = ".mutant-tasks.json";

async function tasksOf(dir: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await Deno.readTextFile(CACHE));
  } catch {
    // first mutant in this sandbox: read the instrumented files once
  }
  const tasks: Record<string, string> = {};
  const walk = async (path: string): Promise<void> => {
    for await (const e of Deno.readDir(path)) {
      if (e.isDirectory) await walk(`${path}/${e.name}`);
      else if (e.name.endsWith(".ts")) {
        for (const [id, task] of mutantTasks(await Deno.readTextFile(`${path}/${e.name}`))) {
          tasks[id] = task;
        }
      }
    }
  };
  await walk(dir);
  const temp = `${CACHE}.${Deno.pid}.tmp`;
  await Deno.writeTextFile(temp, JSON.stringify(tasks));
  await Deno.rename(temp, CACHE);
  return tasks;
}

const [name, problemLog] = Deno.args;
const module = findModule(name ?? "");
const mutant = Deno.env.get("__STRYKER_ACTIVE_MUTANT__");
const filter: string[] = [];
if (mutant !== undefined) {
  const task = (await tasksOf(module.dir))[mutant];
  if (task === undefined) {
    const problem = `Cannot find the region of mutant ${mutant} in ${module.dir}\n`;
    if (problemLog) await Deno.writeTextFile(problemLog, problem, { append: true });
    throw new Error(problem);
  }
  filter.push(`--filter=/^${task.replace(".", "\\.")} /`);
}
const { code } = await new Deno.Command(Deno.execPath(), {
  args: ["test", "-A", "--no-check", "--fail-fast", ...filter, `${module.dir}/cases_test.ts`],
  env: { NO_COLOR: "1" },
  stdin: "null",
}).spawn().status;
Deno.exit(code);
