import type { Command } from "commander";
import { complain, say } from "./output.ts";
import { TitoError } from "./tito_error.ts";

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
 * Wraps a command's action: its returned number becomes the exit code, and a {@linkcode TitoError}
 * is printed as a message with its hint (no stack trace), or as JSON when the command has
 * `--json`, and ends tito with its exit code. Other errors are printed as JSON too under `--json`
 * (exit code 1); without it they propagate with their stack trace.
 *
 * @param action The command's work; returns the exit code.
 * @returns A commander action.
 */
export function action<A extends unknown[]>(
  action: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args.at(-1) as Command | undefined;
    const json = command?.opts?.().json === true;
    try {
      Deno.exitCode = await action(...args);
    } catch (error) {
      if (error instanceof TitoError) {
        reportError(error.message, error.hint, json);
        Deno.exitCode = error.exitCode;
      } else if (json) {
        reportError(String(error), undefined, true);
        Deno.exitCode = 1;
      } else throw error;
    }
  };
}
