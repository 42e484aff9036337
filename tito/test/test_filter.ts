/**
 * `deno test --filter` patterns. Deno reads `/…/` as a Rust regular expression, which has no
 * look-ahead, so "every test but these" is spelt out as a trie of the excluded names.
 *
 * @module
 */

const META = /[\\.+*?()|[\]{}^$#&\-~]/gu;

function escape(text: string): string {
  return text.replace(META, "\\$&");
}

interface Node {
  end: boolean;
  next: Map<string, Node>;
}

/** The strings that, appended to the node's prefix, give no excluded name (chains kept flat). */
function notIn(node: Node): string {
  const alts: string[] = [];
  let prefix = "";
  let n = node;
  while (true) {
    if (!n.end) alts.push(prefix);
    const chars = [...n.next.keys()];
    alts.push(`${prefix}${chars.length ? `[^${chars.map(escape).join("")}]` : "."}.*`);
    if (chars.length === 1) {
      prefix += escape(chars[0]);
      n = n.next.get(chars[0])!;
      continue;
    }
    for (const [c, child] of n.next) alts.push(prefix + escape(c) + notIn(child));
    return `(?:${alts.join("|")})`;
  }
}

/**
 * A filter for the tests whose names start with `prefix` (every test when it is empty), except
 * the tests named in `except`.
 *
 * @example Usage
 * ```ts
 * import { testFilter } from "./test_filter.ts";
 * import assert from "node:assert/strict";
 * assert.equal(testFilter("tensor.3 ", []), "/^tensor\\.3 /");
 * ```
 *
 * @param prefix What the names start with, e.g. `"tensor.3 "`.
 * @param except Full test names to leave out (each starts with `prefix`).
 * @returns The pattern, `/…/`, for `--filter`.
 * @throws {RangeError} If an excluded name does not start with `prefix`.
 */
export function testFilter(prefix: string, except: readonly string[]): string {
  if (except.length === 0) return `/^${escape(prefix)}/`;
  const root: Node = { end: false, next: new Map() };
  for (const name of except) {
    if (!name.startsWith(prefix)) {
      throw new RangeError(`Cannot leave out test "${name}": it does not start with "${prefix}"`);
    }
    let node = root;
    for (const c of name.slice(prefix.length)) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, child = { end: false, next: new Map() });
      node = child;
    }
    node.end = true;
  }
  return `/(?s)^${escape(prefix)}${notIn(root)}$/`;
}
