import assert from "node:assert/strict";
import wabtInit from "wabt";
import {
  availableFloat32Kernels,
  availableKernels,
  bestKernel,
  decodeBase64,
  detectFloat32Kernels,
  detectKernels,
  KERNEL_NAMES,
  type Validate,
} from "./available_kernels.ts";
import { QUANTIZE_WASM_BASE64 } from "./_int8_matmul_wasm.ts";

Deno.test("quantization kernels: availableKernels() lists supported kernels, fastest first", () => {
  const kernels = availableKernels();
  assert.equal(kernels.at(-1), "scalar");
  assert.equal(bestKernel(), kernels[0]);
  assert.deepEqual(kernels, KERNEL_NAMES.filter((name) => kernels.includes(name)));
  kernels.pop();
  assert.equal(availableKernels().at(-1), "scalar", "callers get a fresh array");
});

/** A validator that knows only the given Wasm features (wabt's reader), standing in for an older engine. */
async function engineWith(features: { simd: boolean; relaxed_simd: boolean }): Promise<Validate> {
  const wabt = await wabtInit();
  return (bytes) => {
    const module = wabt.readWasm(bytes, features);
    try {
      module.validate();
      return true;
    } finally {
      module.destroy();
    }
  };
}

Deno.test("quantization kernels: detectKernels() falls back when an engine lacks features", async () => {
  assert.deepEqual(detectKernels(), ["relaxed", "dot16", "scalar"]);
  const all = await engineWith({ simd: true, relaxed_simd: true });
  assert.deepEqual(detectKernels(all), ["relaxed", "dot16", "scalar"]);
  const noRelaxed = await engineWith({ simd: true, relaxed_simd: false });
  assert.deepEqual(detectKernels(noRelaxed), ["dot16", "scalar"]);
  const noSimd = await engineWith({ simd: false, relaxed_simd: false });
  assert.deepEqual(detectKernels(noSimd), ["scalar"]);
  assert.deepEqual(detectKernels(() => false), ["scalar"]);
  // Both Wasm kernels need the quantizer module.
  const quantizer = decodeBase64(QUANTIZE_WASM_BASE64);
  const isQuantizer = (bytes: Uint8Array) =>
    bytes.length === quantizer.length && bytes.every((v, i) => v === quantizer[i]);
  assert.deepEqual(detectKernels((bytes) => !isQuantizer(bytes)), ["scalar"]);
  assert.deepEqual(detectKernels(isQuantizer), ["scalar"]);
});

Deno.test("quantization kernels: detectFloat32Kernels() falls back to the SIMD build without relaxed SIMD", async () => {
  assert.deepEqual(detectFloat32Kernels(), ["relaxed", "simd"]);
  assert.deepEqual(availableFloat32Kernels(), ["relaxed", "simd"]);
  assert.deepEqual(detectFloat32Kernels(await engineWith({ simd: true, relaxed_simd: false })), [
    "simd",
  ]);
  assert.deepEqual(
    detectFloat32Kernels(await engineWith({ simd: false, relaxed_simd: false })),
    [],
  );
});
