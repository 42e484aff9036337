import { complain } from "./output.ts";
import { TitoError } from "./tito_error.ts";

/**
 * Wraps a command's action: its returned number becomes the exit code, and a {@linkcode TitoError}
 * is printed as a message with its hint (no stack trace) and ends tito with its exit code.
 *
 * @param action The command's work; returns the exit code.
 * @returns A commander action.
 */
export function action<A extends unknown[]>(
  action: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      Deno.exitCode = await action(...args);
    } catch (error) {
      if (!(error instanceof TitoError)) throw error;
      complain(error.message, error.hint);
      Deno.exitCode = error.exitCode;
    }
  };
}
