import { Command } from "commander";
import { benchTasks, benchTimings } from "./bench_report.ts";
import { action } from "../command_action.ts";
import { barChart, bold, command, dim, say } from "../output.ts";
import { openProject, resolveModule } from "../project.ts";
import { TitoError } from "../tito_error.ts";

/** Modification times of the JSON reports under `reports/`, by path. */
async function reportTimes(root: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  try {
    for await (const e of Deno.readDir(`${root}/reports`)) {
      if (!e.isFile || !e.name.endsWith(".json")) continue;
      const path = `reports/${e.name}`;
      out.set(path, (await Deno.stat(`${root}/${path}`)).mtime?.getTime() ?? 0);
    }
  } catch {
    // no reports folder yet
  }
  return out;
}

/** The reports a benchmark wrote: new files, or files whose time changed. */
async function writtenSince(root: string, before: Map<string, number>): Promise<string[]> {
  const after = await reportTimes(root);
  return [...after].filter(([p, t]) => before.get(p) !== t).map(([p]) => p).sort();
}

/** After this long without output, a terminal shows that the benchmark is still running. */
const QUIET_MS = 2000;

// The benchmark's own output passes through as it comes; while it is silent for more than
// QUIET_MS, a terminal shows one line "⏳ … still running, N s" that the next output replaces.
async function runTask(root: string, task: string): Promise<number> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", task],
    cwd: root,
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const started = performance.now();
  let last = started;
  let shown = false;
  const encoder = new TextEncoder();
  const clear = () => {
    if (shown) Deno.stdout.writeSync(encoder.encode("\r\x1b[2K"));
    shown = false;
  };
  const timer = Deno.stdout.isTerminal()
    ? setInterval(() => {
      if (performance.now() - last < QUIET_MS) return;
      const s = Math.round((performance.now() - started) / 1000);
      Deno.stdout.writeSync(encoder.encode(`\r\x1b[2K⏳ deno task ${task} still running, ${s} s`));
      shown = true;
    }, 500)
    : undefined;
  try {
    for await (const chunk of child.stdout) {
      clear();
      Deno.stdout.writeSync(chunk);
      last = performance.now();
    }
    return (await child.status).code;
  } finally {
    clearInterval(timer);
    clear();
  }
}

/**
 * `tito bench --module <m>`: runs the module's benchmark tasks (`deno task bench:…`) with their
 * own output, then draws bars of the medians from the JSON reports they wrote under `reports/`.
 *
 * @returns The command.
 */
export function benchCommand(): Command {
  return new Command("bench")
    .description("run a module's benchmarks and chart their medians")
    .option("-m, --module <module>", "number or name, e.g. 15 or quantization")
    .action(action(async (options: { module?: string }) => {
      const project = await openProject();
      const module = resolveModule(project, options.module);
      const config = JSON.parse(await Deno.readTextFile(`${project.root}/deno.json`));
      const tasks = benchTasks(config.tasks ?? {}, module);
      if (tasks.length === 0) {
        throw new TitoError(`${module.name} has no benchmark task`, {
          hint:
            `Benchmarks are deno.json tasks named bench:<module> or running a file in ${module.dir}/.`,
        });
      }
      let failed = 0;
      for (const task of tasks) {
        say(bold(`⏱️  deno task ${task}`), "");
        const before = await reportTimes(project.root);
        const code = await runTask(project.root, task);
        if (code !== 0) {
          say(dim(`(deno task ${task} exited with ${code})`));
          failed++;
          continue;
        }
        for (const file of await writtenSince(project.root, before)) {
          const timings = benchTimings(JSON.parse(await Deno.readTextFile(file)));
          if (timings.length === 0) continue;
          say("", bold(`Medians from ${file}`));
          for (const group of [...new Set(timings.map((t) => t.group))]) {
            const items = timings.filter((t) => t.group === group);
            say(
              dim(group || "(all)"),
              ...barChart(items.map((t) => ({
                label: `  ${t.name}`,
                value: t.medianMs,
                text: `${t.medianMs.toPrecision(3)} ms`,
              }))),
            );
          }
        }
        say("");
      }
      if (failed === 0) {
        say(`💡 The lesson explains these numbers: ${command(`${module.dir}/README.md`)}`);
      }
      return failed ? 1 : 0;
    }));
}
