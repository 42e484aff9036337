/**
 * The action and exit helpers of tito's and the grader's command lines: a command's work is a
 * function that returns its exit code; {@linkcode action} turns it into a commander action that
 * reports what it throws, and {@linkcode runCommandLine} parses the arguments and returns the
 * exit code, a wrong command line included.
 *
 * @example A command line with one command
 * ```ts ignore
 * import { Command } from "commander";
 * import { action, runCommandLine } from "@tinytorch/tito/command_action";
 *
 * const program = new Command("hello").exitOverride()
 *   .action(action(() => Promise.resolve(0)));
 * Deno.exit(await runCommandLine(program, Deno.args));
 * ```
 *
 * @module
 */
import { type Command, CommanderError } from "commander";
import { complain, say } from "./output.ts";
import { TitoError } from "./tito_error.ts";

/** A failed command as its command line reports it. */
export interface Failure {
  /** What went wrong. */
  readonly message: string;
  /** What to try. */
  readonly hint?: string;
  /** The exit code. */
  readonly exitCode: number;
}

/** How a command line reports the errors its commands throw. */
export interface ErrorStyle {
  /**
   * The failure to report for an error.
   *
   * @param error What the command threw.
   * @param json The command was asked for JSON (`--json`).
   * @returns The failure, or `undefined` to let the error propagate with its stack trace.
   */
  failure(error: unknown, json: boolean): Failure | undefined;
  /**
   * Prints a failure.
   *
   * @param failure The failure.
   * @param json Print JSON.
   */
  print(failure: Failure, json: boolean): void;
}

/**
 * Whether the command line asks for JSON output (`--json`), for errors raised before a command's
 * options are parsed.
 *
 * @param args tito's arguments.
 * @returns True when `--json` is among them (before a `--`).
 */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).includes("--json");
}

/**
 * Prints an error as tito does: a message with its hint on standard error, or with `--json` one
 * JSON object `{ "error": …, "hint"?: … }` on standard output, so tools read JSON either way.
 *
 * @param message What went wrong.
 * @param hint What to try.
 * @param json Print JSON.
 */
export function reportError(message: string, hint: string | undefined, json: boolean): void {
  if (json) say(JSON.stringify(hint ? { error: message, hint } : { error: message }, null, 2));
  else complain(message, hint);
}

/**
 * tito's style: a {@linkcode TitoError} is its message and hint (no stack trace) with its exit
 * code; under `--json` any other error is JSON too (exit code 1), and without it propagates with
 * its stack trace.
 */
export const TITO_ERRORS: ErrorStyle = {
  failure: (error, json) =>
    error instanceof TitoError
      ? { message: error.message, hint: error.hint, exitCode: error.exitCode }
      : json
      ? { message: String(error), exitCode: 1 }
      : undefined,
  print: (failure, json) => reportError(failure.message, failure.hint, json),
};

/**
 * Wraps a command's work as a commander action: its returned number becomes the exit code, and
 * what it throws is reported in the command line's style (the JSON flag is the command's
 * `--json` option) and ends the command with the failure's exit code.
 *
 * @param work The command's work; returns the exit code.
 * @param style How errors are reported; default tito's ({@linkcode TITO_ERRORS}).
 * @returns A commander action.
 */
export function action<A extends unknown[]>(
  work: (...args: A) => Promise<number>,
  style: ErrorStyle = TITO_ERRORS,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args.at(-1) as Command | undefined;
    const json = command?.opts?.().json === true;
    try {
      Deno.exitCode = await work(...args);
    } catch (error) {
      const failure = style.failure(error, json);
      if (!failure) throw error;
      style.print(failure, json);
      Deno.exitCode = failure.exitCode;
    }
  };
}

/** What {@linkcode runCommandLine} needs of a commander `Command`. */
export interface CommandLine {
  /**
   * Parses the arguments and runs the command's action.
   *
   * @param args The arguments.
   * @param options Where the arguments come from: the user (no program name).
   */
  parseAsync(args: string[], options: { from: "user" }): Promise<unknown>;
}

/** Options of {@linkcode runCommandLine}. */
export interface CommandLineOptions {
  /**
   * The exit code of a command line commander rejects (or of `--help`), from commander's.
   * Default: commander's.
   */
  readonly usageExitCode?: (commanderExitCode: number) => number;
  /** How errors that escape the actions are reported; default tito's. */
  readonly style?: ErrorStyle;
}

/**
 * Parses the arguments and runs the command they name (its actions wrapped by
 * {@linkcode action}); the program must have `exitOverride()` so that commander throws instead
 * of exiting.
 *
 * @param program The command line (a commander `Command`).
 * @param args The arguments (without the program's name).
 * @param options The exit code of a wrong command line; the error style.
 * @returns The exit code.
 */
export async function runCommandLine(
  program: CommandLine,
  args: readonly string[],
  options: CommandLineOptions = {},
): Promise<number> {
  const { usageExitCode = (code: number) => code, style = TITO_ERRORS } = options;
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return usageExitCode(error.exitCode);
    const failure = style.failure(error, wantsJson(args));
    if (!failure) throw error;
    style.print(failure, wantsJson(args));
    return failure.exitCode;
  }
  return Deno.exitCode;
}
