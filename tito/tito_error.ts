/**
 * An error tito reports to the learner as a plain message (no stack trace), with an exit code
 * and an optional hint: the next thing to try.
 */
export class TitoError extends Error {
  /** The process exit code tito ends with. */
  readonly exitCode: number;
  /** What to do about it, shown under the message. */
  readonly hint?: string;

  /**
   * Creates the error.
   *
   * @param message What went wrong, naming the file, module or command involved.
   * @param options `hint` and `exitCode` (default 1).
   */
  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = "TitoError";
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}

/**
 * Reads a `--timeout <s>` option: a positive number of seconds.
 *
 * @param text The option's text, or `undefined` when it was not given.
 * @param fallback The default, in seconds.
 * @returns Seconds.
 * @throws {TitoError} With exit code 2 (a wrong command line) when it is not a positive number.
 */
export function timeoutSeconds(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const seconds = Number(text);
  if (!(Number.isFinite(seconds) && seconds > 0)) {
    throw new TitoError(`Cannot use --timeout ${text}: give a positive number of seconds`, {
      exitCode: 2,
    });
  }
  return seconds;
}
