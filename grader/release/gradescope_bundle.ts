import { gitFiles } from "./git_files.ts";
import { type Zippable, zipSync } from "fflate";
import { findModule } from "@tinytorch/course";
import { dirname } from "node:path";
import { studentFolder } from "../report/class_outputs.ts";
import { isWithin } from "../paths.ts";
import { REQUIRED_DENO } from "@tinytorch/tito/require_deno";

/** Options of {@linkcode buildGradescopeBundle}. */
export interface BundleOptions {
  /** The instructor's repository. */
  readonly root: string;
  /** The module the assignment grades. */
  readonly module: string;
  /** The zip to write. */
  readonly out: string;
}

/** Paths of the repository left out of the bundle (not needed to grade). */
export const NOT_BUNDLED: readonly string[] = [".ci/", "grader/examples/"];

const SETUP = `#!/usr/bin/env bash
# Gradescope autograder set-up: Deno ${REQUIRED_DENO} from npm unless the image has it, then the
# course's npm packages (cached, so grading runs with --cached-only and downloads nothing).
set -euo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
if ! deno --version 2>/dev/null | grep -qF 'deno ${REQUIRED_DENO} '; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update
    apt-get install -y --no-install-recommends nodejs npm
  fi
  npm install -g deno@${REQUIRED_DENO} || npm install -g --allow-scripts=deno deno@${REQUIRED_DENO}
fi
cd "$ROOT/source"
deno install --frozen
`;

function runScript(module: string): string {
  const results = `"$WORK/out/students/${studentFolder("submission")}/results.json"`;
  return `#!/usr/bin/env bash
# Gradescope runs this for every submission: grade /autograder/submission (files, a whole
# repository, or a tito submit archive) and write /autograder/results/results.json.
set -u
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
DENO="\${DENO:-deno}"
WORK="$(mktemp -d)"
mkdir -p "$WORK/class/submission" "$ROOT/results"
cp -r "$ROOT/submission/." "$WORK/class/submission/"
cd "$ROOT/source"
"$DENO" run -A --cached-only grader/cli.ts autograde --module ${module} \\
  --submissions "$WORK/class" --out "$WORK/out" --jobs 1 \${TINYTORCH_ISOLATION:+--isolation "$TINYTORCH_ISOLATION"}
if [ -f ${results} ]; then
  cp ${results} "$ROOT/results/results.json"
else
  echo '{"score": 0, "output": "The autograder could not grade this submission; please tell your instructor.", "tests": []}' \\
    > "$ROOT/results/results.json"
fi
`;
}

/**
 * The default place of a module's bundle: under `reports/`, which git ignores.
 *
 * @param root The course repository.
 * @param module The module's name.
 * @returns `<root>/reports/gradescope/<module>-autograder.zip`.
 */
export function defaultBundlePath(root: string, module: string): string {
  return `${root}/reports/gradescope/${module}-autograder.zip`;
}

async function isIgnored(root: string, path: string): Promise<boolean> {
  const r = await new Deno.Command("git", {
    args: ["check-ignore", "-q", "--no-index", path],
    cwd: root,
    stdout: "null",
    stderr: "null",
  }).output();
  return r.code === 0;
}

// The bundle holds the hidden cases and the reference: inside the course repository it may only
// go where git ignores it, so it can never be committed and shipped by a release.
async function refuseCommittable(root: string, out: string): Promise<void> {
  if (!(await isWithin(out, root)) || (await isIgnored(root, out))) return;
  throw new RangeError(
    `Cannot write the autograder to ${out}: it is inside the course repository and not ` +
      `git-ignored, so it could be committed and reach students (it holds the hidden cases and ` +
      `the reference); leave out --out (it goes to reports/gradescope/) or choose a path outside`,
  );
}

/**
 * Builds a Gradescope autograder zip for one module: the repository (reference, cases, hidden
 * cases, grader) at the zip's root, which Gradescope unpacks to `/autograder/source`, plus
 * `setup.sh` (installs Deno from npm, caches the npm packages) and `run_autograder` (grades the
 * submission with the sandboxed autograder and writes `/autograder/results/results.json`).
 *
 * @param options Repository, module, output file.
 * @returns The zip's size in bytes.
 * @throws {RangeError} If `out` is inside the repository where git does not ignore it.
 */
export async function buildGradescopeBundle(options: BundleOptions): Promise<number> {
  const module = findModule(options.module);
  await refuseCommittable(options.root, options.out);
  const entries: Zippable = {};
  for (const f of await gitFiles(options.root)) {
    if (NOT_BUNDLED.some((p) => f.startsWith(p))) continue;
    try {
      entries[f] = await Deno.readFile(`${options.root}/${f}`);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  const executable = { os: 3, attrs: (0o100755 << 16) >>> 0 };
  const encoder = new TextEncoder();
  entries["setup.sh"] = [encoder.encode(SETUP), executable];
  entries["run_autograder"] = [encoder.encode(runScript(module.name)), executable];
  const zip = zipSync(entries);
  await Deno.mkdir(dirname(options.out), { recursive: true });
  await Deno.writeFile(options.out, zip);
  return zip.length;
}
