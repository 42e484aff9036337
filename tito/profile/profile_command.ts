import { Command } from "commander";
import { action } from "../command_action.ts";
import { importCourseCode } from "../course_code.ts";
import { barChart, bold, count, dim, progressBar, say, table } from "../output.ts";
import { openProject, resolveModule } from "../project.ts";
import type { machineLines, profileMlp, VERDICT_TEXT } from "./profile_mlp.ts";
import { TitoError } from "../tito_error.ts";

interface ProfileOptions {
  module?: string;
  batch: string;
  iterations: string;
}

const digits = (x: number, n = 3) => Number.isFinite(x) ? x.toPrecision(n) : String(x);

/**
 * `tito profile [--module <m>] [--batch <n>] [--iterations <n>]`: `profileModel` of the
 * reference MLP (your layers, your profiler) as a table and a bar chart of per-layer latency;
 * `--module quantization` adds the int8 model from your `quantizeModel`. Any other module is
 * refused: there is nothing else to profile.
 *
 * @returns The command.
 */
export function profileCommand(): Command {
  return new Command("profile")
    .description("profile the reference MNIST MLP with your profiler: table and bar chart")
    .option(
      "-m, --module <module>",
      "profiling, or quantization to also profile your int8 model",
      "profiling",
    )
    .option("--batch <n>", "rows per forward pass", "1")
    .option("--iterations <n>", "timed runs per layer", "50")
    .action(action(async (options: ProfileOptions) => {
      const project = await openProject();
      const module = resolveModule(project, options.module);
      if (module.name !== "profiling" && module.name !== "quantization") {
        throw new TitoError(
          `Cannot profile --module ${options.module}: tito profile runs your profiling module ` +
            `on the reference MLP, and with --module quantization your int8 model too`,
          {
            hint: `Use --module profiling (the default) or --module quantization; ` +
              `tito bench --module ${module.name} runs ${module.name}'s benchmarks.`,
            exitCode: 2,
          },
        );
      }
      const batch = Number(options.batch);
      const iterations = Number(options.iterations);
      if (!(Number.isInteger(batch) && batch >= 1 && batch <= 2000)) {
        throw new TitoError(`Cannot profile a batch of ${options.batch}: use 1 to 2000`);
      }
      if (!(Number.isInteger(iterations) && iterations >= 1)) {
        throw new TitoError(`Cannot time ${options.iterations} iterations: use a positive integer`);
      }
      const run = await importCourseCode<{
        profileMlp: typeof profileMlp;
        machineLines: typeof machineLines;
        VERDICT_TEXT: typeof VERDICT_TEXT;
      }>(
        "./profile/profile_mlp.ts",
        "your modules for profiling",
        "Try tito test --module profiling (and quantization with --module quantization).",
      );
      say(dim(`Measuring this machine and profiling (batch ${batch}, ${iterations} runs)…`));
      const results = await run.profileMlp({
        batch,
        iterations,
        quantized: module.name === "quantization",
        progress: progressBar,
      });
      const { machine } = results[0].profile;
      say(...run.machineLines(machine));
      for (const { name, parameters, profile } of results) {
        say("", bold(`${name} MLP: ${count(parameters)} parameters, batch ${batch}`));
        const rows = [...profile.layers, profile.total].map((r) => [
          r.name,
          `[${r.outputShape}]`,
          count(r.parameters),
          count(r.flops),
          count(r.bytes),
          digits(r.medianMs),
          digits(r.gflops),
          digits(r.intensity),
          run.VERDICT_TEXT[r.verdict],
        ]);
        const head = ["layer", "output", "params", "FLOPs", "bytes", "median ms", "GFLOP/s"];
        say(...table([...head, "FLOP/B", "verdict"], rows, [2, 3, 4, 5, 6, 7]));
        const suspect = [...profile.layers, profile.total].filter((r) =>
          r.verdict === "above-roof"
        );
        for (const r of suspect) {
          say(dim(
            `${r.name}: ${digits(r.gflops)} GFLOP/s measured, but the roofs allow at most ` +
              `${digits(r.attainableGflops)} at ${digits(r.intensity)} FLOP/byte: a measurement ` +
              `problem (timer resolution, data in cache, or a miscounted FLOP), not a verdict`,
          ));
        }
        say("", dim("median time per layer:"));
        say(...barChart(profile.layers.map((r) => ({
          label: r.name,
          value: r.medianMs,
          text: `${(r.medianMs * 1000).toFixed(1)} µs`,
        }))));
      }
      return 0;
    }));
}
