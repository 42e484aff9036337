import assert from "node:assert/strict";
import wabtInit from "wabt";
import { staleKernelFiles } from "./build_wasm.ts";

Deno.test("quantization kernels: the committed Wasm binaries match their WAT sources", async () => {
  assert.deepEqual(
    await staleKernelFiles(),
    [],
    "run deno task build:kernels",
  );
});

Deno.test("quantization kernels: only the relaxed binary needs relaxed SIMD", async () => {
  const wabt = await wabtInit();
  const read = (name: string) => Deno.readFile(new URL(`./${name}`, import.meta.url));
  const features = { simd: true, "relaxed_simd": false };
  const dot16 = wabt.readWasm(await read("int8_matmul_dot16.wasm"), features);
  dot16.validate();
  dot16.destroy();
  const quantize = wabt.readWasm(await read("int8_quantize.wasm"), features);
  quantize.validate();
  quantize.destroy();
  const relaxed = await read("int8_matmul_relaxed.wasm");
  assert.throws(() => wabt.readWasm(relaxed, features).validate(), /unexpected opcode: 0xfd 0x93/);
});
