// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task tito …`: the learner's command-line tool.
 *
 * @module
 */
console.log("tito: coming soon");
