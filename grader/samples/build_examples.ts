// deno-lint-ignore-file no-console -- a command-line script: printing is its job
/**
 * Rebuilds `grader/examples/`: the sample class for the quantization module, packed as archives
 * (so no tool lints, checks or runs them), from the reference sources. Run it after changing the
 * quantization module: `deno run -A grader/samples/build_examples.ts`.
 *
 * @module
 */
import { findModule } from "@tinytorch/course";
import { repositoryRoot } from "../paths.ts";
import { packSample } from "./sample_archives.ts";
import { buildSampleClass, SAMPLE_MODULE } from "./sample_class.ts";

const root = repositoryRoot();
const module = findModule(SAMPLE_MODULE);
const out = `${root}/grader/examples`;
await Deno.remove(out, { recursive: true }).catch(() => {});
await Deno.mkdir(out, { recursive: true });
const lines = [
  "# Sample class (generated)",
  "",
  `Submissions for the ${module.name} module, rebuilt from the reference by`,
  "`deno run -A grader/samples/build_examples.ts`. `deno task grade autograde --module quantization`",
  "grades them when no `--submissions` folder is given.",
  "",
  "| Archive | What it is |",
  "| ------- | ---------- |",
];
for (const sample of await buildSampleClass(root)) {
  const { name, data } = await packSample(sample, module.dir, module.name);
  await Deno.writeFile(`${out}/${name}`, data);
  lines.push(`| ${name} | ${sample.about} |`);
  console.log(`${name} (${data.length} bytes): ${sample.about}`);
}
await Deno.writeTextFile(`${out}/README.md`, lines.join("\n") + "\n");
