// deno-lint-ignore-file no-console -- a command-line tool: printing is its job
/**
 * Refreshes `tests/testdata/onnx/`: ONNX's official operator test data for the quantization
 * operators, from Debian's `libonnx-testdata` package (`apt-get install libonnx-testdata`),
 * decoded to JSON (one file per test: the operator, its attributes and opset, and every input
 * and expected output with its element type, shape and values).
 *
 * ```sh
 * deno run -A .maintainer/refresh_onnx_testdata.ts [path/to/libonnx-testdata/data/node]
 * ```
 *
 * @module
 */
import { decodeOnnxTensor } from "../modules/quantization/onnx/onnx_tensor.ts";
import { ModelProto } from "../modules/quantization/onnx/onnx_proto.ts";

/** The operators whose node tests are kept. */
export const OPERATORS = [
  "quantizelinear",
  "dequantizelinear",
  "dynamicquantizelinear",
  "matmulinteger",
  "qlinearmatmul",
];

const SOURCE = Deno.args[0] ?? "/usr/share/libonnx-testdata/data/node";
const OUT = new URL("../tests/testdata/onnx/", import.meta.url).pathname;

async function packageVersion(): Promise<string> {
  const out = await new Deno.Command("dpkg-query", {
    args: ["-W", "-f", "${Version}", "libonnx-testdata"],
    stdout: "piped",
    stderr: "null",
  }).output().catch(() => undefined);
  return out?.success ? new TextDecoder().decode(out.stdout) : "unknown";
}

// deno-lint-ignore no-explicit-any -- protobufjs messages are plain objects
function attributes(node: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of node.attribute ?? []) {
    out[a.name] = a.i ?? a.f ?? a.s ?? a.ints ?? a.floats;
  }
  return out;
}

async function tensors(dir: string, prefix: string) {
  const names = [];
  for await (const e of Deno.readDir(dir)) if (e.name.startsWith(prefix)) names.push(e.name);
  names.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return await Promise.all(names.map(async (n) => {
    const t = decodeOnnxTensor(await Deno.readFile(`${dir}/${n}`));
    return { name: t.name, dtype: t.dtype, dims: t.dims, data: Array.from(t.data, Number) };
  }));
}

async function refresh(): Promise<string[]> {
  const version = await packageVersion();
  const written: string[] = [];
  await Deno.mkdir(OUT, { recursive: true });
  const tests = [];
  for await (const e of Deno.readDir(SOURCE)) tests.push(e.name);
  for (const test of tests.sort()) {
    const op = test.replace(/^test_/, "").replace(/_.*$/, "");
    // `_expanded` tests are the same data run through a function's body; one copy is enough.
    if (!OPERATORS.includes(op) || test.endsWith("_expanded")) continue;
    const model = ModelProto.toObject(
      ModelProto.decode(await Deno.readFile(`${SOURCE}/${test}/model.onnx`)),
      { longs: Number },
    );
    const node = model.graph.node[0];
    const json = {
      source: `libonnx-testdata ${version}: data/node/${test}`,
      op: node.opType,
      opset: model.opsetImport[0]?.version,
      attributes: attributes(node),
      inputs: await tensors(`${SOURCE}/${test}/test_data_set_0`, "input_"),
      outputs: await tensors(`${SOURCE}/${test}/test_data_set_0`, "output_"),
    };
    const file = `${OUT}${test}.json`;
    // Numbers on one line per array: the files stay short and diff by value.
    const text = JSON.stringify(json, null, 2).replace(
      /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
      (_, list: string) => `[${list.split(/,\s*/).join(", ")}]`,
    );
    await Deno.writeTextFile(file, text + "\n");
    written.push(file);
  }
  return written;
}

if (import.meta.main) {
  const written = await refresh();
  await new Deno.Command(Deno.execPath(), { args: ["fmt", ...written] }).output();
  console.log(`wrote ${written.length} files to ${OUT}`);
}
