// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * `deno task check:mistakes [--module <m>] [--jobs <n>]`: every catalogued mistake must fail the
 * case the catalogue names, among its task's visible cases; hidden catches are counted apart.
 * Exits 1 when a mistake survives, cannot be applied, or is caught by other cases only.
 *
 * @module
 */
import { findModule, MODULES } from "@tinytorch/course";
import { repositoryRoot } from "../paths.ts";
import { CATALOGUE } from "./catalogue.ts";
import { checkMistakes, type MistakeVerdict } from "./check_mistakes.ts";

const args = [...Deno.args];
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const only = option("--module");
const jobs = Number(option("--jobs") ?? 2);
const modules = only ? [findModule(only)] : MODULES;

function line(v: MistakeVerdict): string {
  const m = v.mistake;
  const head = `${v.ok ? "✓" : "✗"} ${m.task} ${m.id}`;
  const counts =
    `visible ${v.visible.length}/${v.cases.visible}, hidden ${v.hidden.length}/${v.cases.hidden}`;
  if (v.problem && v.visible.length === 0) return `${head}: ${v.problem}`;
  if (v.ok) return `${head}: caught by "${m.caughtBy}" (${counts})`;
  const others = v.elsewhere.length > 0
    ? `; fails ${v.elsewhere.length} case(s) of other tasks, e.g. "${v.elsewhere[0].task} ${
      v.elsewhere[0].name
    }"`
    : "";
  if (v.visible.length === 0) {
    return `${head}: survives the visible cases of ${m.task} (${counts}${others})`;
  }
  return `${head}: "${m.caughtBy}" does not catch it, ${
    v.visible.map((c) => `"${c.name}"`).join(", ")
  } do (${counts})`;
}

const root = repositoryRoot();
const started = performance.now();
const all: MistakeVerdict[] = [];
for (const module of modules) {
  const set = CATALOGUE.find((s) => s.module === module.name);
  if (!set) continue;
  const t0 = performance.now();
  const verdicts = await checkMistakes(root, module.name, set.mistakes, { jobs });
  for (const v of verdicts) console.log(line(v));
  const visible = verdicts.filter((v) => v.ok).length;
  const hidden = verdicts.filter((v) => v.hidden.length > 0).length;
  console.log(
    `${module.name}: ${verdicts.length} mistakes, ${visible} caught by their visible case, ` +
      `${hidden} also by hidden cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  all.push(...verdicts);
}
const visible = all.filter((v) => v.ok).length;
const hidden = all.filter((v) => v.hidden.length > 0).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${all.length} mistakes: visible cases catch ${visible}, hidden cases ${hidden} (${seconds} s)`,
);
if (visible < all.length) {
  console.log("check:mistakes FAILED");
  Deno.exit(1);
}
console.log("check:mistakes passed");
