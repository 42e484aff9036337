/**
 * Builds the int8 matmul Wasm kernels from their WAT sources with the `wabt` npm package.
 *
 * Writes `int8_matmul_dot16.wasm`, `int8_matmul_relaxed.wasm`, `int8_matmul_relaxed_split.wasm`
 * (a second build of the relaxed source), `int8_quantize.wasm`, `float32_matmul_relaxed.wasm`,
 * `float32_matmul_simd.wasm` (a second build of the float32 source, without relaxed SIMD) and the
 * generated TS module `_int8_matmul_wasm.ts` (the same bytes in base64, so the kernels instantiate
 * synchronously at import time without `--allow-read`). The output depends only on the WAT sources
 * and the pinned wabt version, so a rebuild is byte-for-byte reproducible.
 *
 * ```sh
 * deno task build:kernels   # rebuild (.maintainer/build_kernels.ts)
 * deno task check:kernels   # exit 1 if the files are stale
 * ```
 *
 * @module
 */
import wabtInit from "wabt";

/**
 * One Wasm module: the WAT source it is built from, an optional exact rewrite of that source (a
 * second build of one source), the binary it builds to, and the Wasm features it may use. The
 * `quantize` module (float32 to int8, shared by both int8 matmul kernels) is not a kernel of its
 * own.
 */
interface KernelSource {
  name:
    | "dot16"
    | "relaxed"
    | "relaxedSplit"
    | "quantize"
    | "float32Relaxed"
    | "float32Simd";
  wat: string;
  wasm: string;
  relaxed: boolean;
  rewrite?: Rewrite;
}

/** A textual rewrite of a WAT source: every match of `pattern` becomes `replacement`. */
interface Rewrite {
  /** What the rewrite does, for error messages. */
  what: string;
  pattern: RegExp;
  replacement: string;
}

const GET = String.raw`(\(local\.get \$[\w]+\))`;

/**
 * The split build of the relaxed kernel: each fused dot-add becomes the 16-bit relaxed dot, a
 * pairwise widening against the block's `$ones`, and an add (see `int8_matmul_relaxed.wat`).
 */
const SPLIT_RELAXED_DOT: Rewrite = {
  what: "i32x4.relaxed_dot_i8x16_i7x16_add_s of three local.get",
  pattern: new RegExp(
    String.raw`\(i32x4\.relaxed_dot_i8x16_i7x16_add_s ${GET} ${GET} ${GET}\)`,
    "g",
  ),
  replacement:
    "(i32x4.add $3 (i32x4.dot_i16x8_s (local.get $ones) (i16x8.relaxed_dot_i8x16_i7x16_s $1 $2)))",
};

/** The SIMD build of the float32 kernel: each relaxed multiply-add becomes a multiply and an add. */
const MUL_ADD: Rewrite = {
  what: "f32x4.relaxed_madd of three local.get",
  pattern: new RegExp(String.raw`\(f32x4\.relaxed_madd ${GET} ${GET} ${GET}\)`, "g"),
  replacement: "(f32x4.add (f32x4.mul $1 $2) $3)",
};

const KERNELS: readonly KernelSource[] = [
  {
    name: "dot16",
    wat: "int8_matmul_dot16.wat",
    wasm: "int8_matmul_dot16.wasm",
    relaxed: false,
  },
  {
    name: "relaxed",
    wat: "int8_matmul_relaxed.wat",
    wasm: "int8_matmul_relaxed.wasm",
    relaxed: true,
  },
  {
    name: "relaxedSplit",
    wat: "int8_matmul_relaxed.wat",
    wasm: "int8_matmul_relaxed_split.wasm",
    relaxed: true,
    rewrite: SPLIT_RELAXED_DOT,
  },
  {
    name: "quantize",
    wat: "int8_quantize.wat",
    wasm: "int8_quantize.wasm",
    relaxed: false,
  },
  {
    name: "float32Relaxed",
    wat: "float32_matmul.wat",
    wasm: "float32_matmul_relaxed.wasm",
    relaxed: true,
  },
  {
    name: "float32Simd",
    wat: "float32_matmul.wat",
    wasm: "float32_matmul_simd.wasm",
    relaxed: false,
    rewrite: MUL_ADD,
  },
];

/**
 * Applies a rewrite, and checks that it matched: a source edited out of the rewrite's shape must
 * fail the build, not silently build something else. (A relaxed instruction the SIMD rewrite
 * missed also fails later: that build is assembled without relaxed SIMD.)
 */
function applyRewrite(source: KernelSource, wat: string): string {
  const { rewrite } = source;
  if (rewrite === undefined) return wat;
  let count = 0;
  const out = wat.replace(rewrite.pattern, (...args) => {
    count++;
    return rewrite.replacement.replace(/\$(\d)/g, (_, i) => args[Number(i)] as string);
  });
  if (count === 0) {
    throw new Error(`Cannot build ${source.wasm}: ${source.wat} has no ${rewrite.what}`);
  }
  return out;
}

/** The generated TS module holding the binaries in base64. */
export const GENERATED_TS = "_int8_matmul_wasm.ts";

/** A file the build produces: its name (beside this script) and exact content. */
export interface BuiltFile {
  /** File name inside `modules/quantization/kernels/`. */
  name: string;
  /** The bytes the file must hold. */
  bytes: Uint8Array;
}

const here = (name: string): URL => new URL(`./${name}`, import.meta.url);

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Assembles one WAT source (after its rewrite, if any). The dot16 kernel, the quantizer and the
 * float32 SIMD build are assembled with SIMD only (not relaxed SIMD), which proves they still load
 * on engines without relaxed SIMD.
 */
async function assemble(source: KernelSource, wat: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const text = applyRewrite(source, wat);
  const module = wabt.parseWat(source.wat, text, { simd: true, relaxed_simd: source.relaxed });
  try {
    module.validate();
    return module.toBinary({ log: false, write_debug_names: false }).buffer.slice();
  } finally {
    module.destroy();
  }
}

/**
 * Standard base64 of the bytes (std's `@std/encoding` is on JSR, which is not reachable, and the
 * binaries are small enough for `btoa`); `available_kernels.ts` decodes it with `atob`.
 */
function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function generatedModule(entries: { source: KernelSource; hash: string; bytes: Uint8Array }[]) {
  const lines = [
    "// Generated by modules/quantization/kernels/build_wasm.ts: do not edit.",
    "// Rebuild with `deno task build:kernels`.",
    ...[...new Map(entries.map(({ source, hash }) => [source.wat, hash]))].map(([wat, hash]) =>
      `// ${wat} sha256 ${hash}`
    ),
  ];
  for (const { source, bytes } of entries) {
    lines.push(
      "",
      `/** The ${source.name} Wasm module (${bytes.length} bytes), base64. */`,
      `export const ${source.name.replace(/[A-Z]/g, "_$&").toUpperCase()}_WASM_BASE64 =`,
      `  "${encodeBase64(bytes)}";`,
    );
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

/**
 * Builds every kernel in memory.
 *
 * @returns The files the build produces, with their exact bytes.
 */
export async function buildKernels(): Promise<BuiltFile[]> {
  const entries = [];
  for (const source of KERNELS) {
    const wat = await Deno.readTextFile(here(source.wat));
    entries.push({ source, hash: await sha256Hex(wat), bytes: await assemble(source, wat) });
  }
  return [
    ...entries.map(({ source, bytes }) => ({ name: source.wasm, bytes })),
    { name: GENERATED_TS, bytes: generatedModule(entries) },
  ];
}

async function readOrEmpty(name: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(here(name));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return new Uint8Array();
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Lists the committed files that differ from a fresh build (empty when up to date).
 *
 * @returns The names of the stale or missing files.
 */
export async function staleKernelFiles(): Promise<string[]> {
  const stale = [];
  for (const file of await buildKernels()) {
    if (!sameBytes(await readOrEmpty(file.name), file.bytes)) stale.push(file.name);
  }
  return stale;
}

/**
 * Builds the kernels and writes the committed files (the `.wasm` binaries and the generated
 * TypeScript module that embeds them).
 *
 * @returns The files written.
 */
export async function writeKernels(): Promise<BuiltFile[]> {
  const files = await buildKernels();
  for (const file of files) await Deno.writeFile(here(file.name), file.bytes);
  return files;
}
