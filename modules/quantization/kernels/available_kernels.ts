import {
  DOT16_WASM_BASE64,
  QUANTIZE_WASM_BASE64,
  RELAXED_WASM_BASE64,
} from "./_int8_matmul_wasm.ts";

/**
 * The name of an int8 matmul kernel, fastest first:
 * - `"relaxed"`: relaxed WebAssembly SIMD (`i32x4.relaxed_dot_i8x16_i7x16_add_s`); needs every
 *   input byte in `[0, 127]` (7-bit), weights any int8.
 * - `"dot16"`: WebAssembly SIMD (int8 sign-extended to int16, `i32x4.dot_i16x8_s`); exact for all
 *   int8 inputs.
 * - `"scalar"`: plain TypeScript; runs everywhere.
 */
export type KernelName = "relaxed" | "dot16" | "scalar";

/** Every kernel name, fastest first. */
export const KERNEL_NAMES: readonly KernelName[] = ["relaxed", "dot16", "scalar"];

/** A `WebAssembly.validate`-like check, replaceable in tests to mimic other engines. */
export type Validate = (bytes: Uint8Array<ArrayBuffer>) => boolean;

/**
 * Decodes standard base64 (what `build_wasm.ts` writes into `_int8_matmul_wasm.ts`) into bytes.
 *
 * @param text The base64 text.
 * @returns The bytes.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

const BINARIES: Readonly<Record<"relaxed" | "dot16" | "quantize", Uint8Array<ArrayBuffer>>> = {
  relaxed: decodeBase64(RELAXED_WASM_BASE64),
  dot16: decodeBase64(DOT16_WASM_BASE64),
  quantize: decodeBase64(QUANTIZE_WASM_BASE64),
};

function validates(validate: Validate, name: keyof typeof BINARIES): boolean {
  try {
    return validate(BINARIES[name]);
  } catch {
    return false;
  }
}

/**
 * Lists the kernels an engine supports, fastest first, by validating the kernel modules themselves
 * (about 1 KB each): a module validates only if the engine knows every instruction it uses. The
 * dot16 module uses no relaxed instruction, so it still validates where relaxed SIMD is missing.
 * Both Wasm kernels also need the quantizer module (float32 to int8, SIMD only).
 *
 * @param validate The check to use; `WebAssembly.validate` unless testing.
 * @returns The supported kernel names, always ending with `"scalar"`.
 */
export function detectKernels(validate: Validate = WebAssembly.validate): KernelName[] {
  if (!validates(validate, "quantize")) return ["scalar"];
  const wasm = (["relaxed", "dot16"] as const).filter((name) => validates(validate, name));
  return [...wasm, "scalar"];
}

const AVAILABLE: readonly KernelName[] = Object.freeze(detectKernels());

const MODULES: Partial<Record<keyof typeof BINARIES, WebAssembly.Module>> = {};
for (const name of AVAILABLE) {
  if (name !== "scalar") MODULES[name] = new WebAssembly.Module(BINARIES[name]);
}
if (AVAILABLE[0] !== "scalar") MODULES.quantize = new WebAssembly.Module(BINARIES.quantize);

/**
 * The kernels this engine supports, fastest first (detected once, at import).
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { availableKernels } from "@tinytorch/quantization/kernels";
 * assert.deepEqual(availableKernels().at(-1), "scalar");
 * ```
 *
 * @returns A fresh array of kernel names, always ending with `"scalar"`.
 */
export function availableKernels(): KernelName[] {
  return [...AVAILABLE];
}

/**
 * The fastest kernel this engine supports: relaxed, else dot16, else scalar.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { bestKernel } from "@tinytorch/quantization/kernels";
 * assert.ok(["relaxed", "dot16", "scalar"].includes(bestKernel()));
 * ```
 *
 * @returns The kernel name.
 */
export function bestKernel(): KernelName {
  return AVAILABLE[0];
}

/**
 * The compiled module of a Wasm kernel or of the quantizer that feeds both (compiled synchronously
 * at import), or `undefined` when the engine does not support it. Internal: used by
 * {@linkcode createInt8Linear}.
 *
 * @param name A Wasm kernel name, or `"quantize"`.
 * @returns The module, if supported.
 */
export function kernelModule(
  name: "relaxed" | "dot16" | "quantize",
): WebAssembly.Module | undefined {
  return MODULES[name];
}
