import type { ModuleInfo } from "@tinytorch/course";
import { Command } from "commander";
import { action } from "../command_action.ts";
import { dim, say } from "../output.ts";
import { exists } from "../files.ts";
import { openProject, resolveModule } from "../project.ts";
import { moduleTests } from "./module_tests.ts";
import { testReportLines } from "./test_report_view.ts";
import { DEFAULT_CASE_TIMEOUT_S } from "./test_runner.ts";
import { timeoutSeconds, TitoError } from "../tito_error.ts";
import { watchFiles } from "./watch_files.ts";

/** Options of `tito test` as commander parses them. */
interface TestFlags {
  module?: string;
  task?: string;
  referenceDeps?: boolean;
  json?: boolean;
  timeout?: string;
  all?: boolean;
  watch?: boolean;
}

/**
 * `tito test --module <m> [--task <id>] [--reference-deps] [--timeout <s>] [--all] [--watch]
 * [--json]`: runs a module's cases and the cross-module tests it takes part in; exit 0 only if
 * everything ran and passed (type errors are shown and fail nothing, as in grading). A case
 * longer than the grader's limit per case is stopped and the others run; `--watch` runs again on
 * every save under `modules/` and `tests/`.
 *
 * @returns The command.
 */
export function testCommand(): Command {
  return new Command("test")
    .description("run a module's cases and cross-module tests (exit 0 only if all pass)")
    .option("-m, --module <module>", "number or name, e.g. 15 or quantization")
    .option("-t, --task <id>", "only this task, e.g. quantization.3 or 3")
    .option("--reference-deps", "run the prerequisite modules' reference code instead of yours")
    .option(
      "--timeout <s>",
      `stop a case after s seconds (default ${DEFAULT_CASE_TIMEOUT_S}, as in grading; more to debug)`,
    )
    .option("-a, --all", "list every failing case (default: the first of each task)")
    .option("-w, --watch", "run again each time a file of modules/ or tests/ is saved")
    .option("--json", "print a machine-readable report instead")
    .action(action(async (options: TestFlags) => {
      const seconds = timeoutSeconds(options.timeout, DEFAULT_CASE_TIMEOUT_S);
      if (options.watch && options.json) {
        throw new TitoError("Cannot use --watch with --json", {
          hint: "--watch prints a report per save; --json one report.",
          exitCode: 2,
        });
      }
      const project = await openProject();
      const onStart = (m: ModuleInfo) => {
        if (!options.json) say(dim(`Running the tests of ${m.name}…`));
      };
      const run = async () => {
        const report = await moduleTests(project, {
          ...options,
          caseTimeoutSeconds: seconds,
          onStart,
        });
        const module = resolveModule(project, report.module);
        say(
          options.json
            ? JSON.stringify(report, null, 2)
            : testReportLines(report, module, { all: options.all }).join("\n"),
        );
        return report.ok ? 0 : 1;
      };
      const code = await run();
      if (!options.watch) return code;
      const dirs = [];
      for (const dir of ["modules", "tests"]) {
        if (await exists(`${project.root}/${dir}`)) dirs.push(`${project.root}/${dir}`);
      }
      const watching = dim(
        "👀 Watching modules/ and tests/: save a file to test again, Ctrl-C to stop.",
      );
      say("", watching);
      for await (const changed of watchFiles(dirs)) {
        if (Deno.stdout.isTerminal()) {
          await Deno.stdout.write(new TextEncoder().encode("\x1b[2J\x1b[H"));
        }
        const names = changed.map((p) => p.slice(project.root.length + 1));
        say(
          dim(
            `${new Date().toLocaleTimeString()} saved: ${names.slice(0, 3).join(", ")}${
              names.length > 3 ? ", …" : ""
            }`,
          ),
        );
        await run();
        say("", watching);
      }
      return code;
    }));
}
