import {
  DOT16_WASM_BASE64,
  FLOAT32_RELAXED_WASM_BASE64,
  FLOAT32_SIMD_WASM_BASE64,
  QUANTIZE_WASM_BASE64,
  RELAXED_SPLIT_WASM_BASE64,
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

/** The Wasm modules: int8 kernels (and the relaxed kernel's split build), quantizer, float32. */
export type WasmModuleName =
  | "relaxed"
  | "relaxedSplit"
  | "dot16"
  | "quantize"
  | "float32Relaxed"
  | "float32Simd";

const BINARIES: Readonly<Record<WasmModuleName, Uint8Array<ArrayBuffer>>> = {
  relaxed: decodeBase64(RELAXED_WASM_BASE64),
  relaxedSplit: decodeBase64(RELAXED_SPLIT_WASM_BASE64),
  dot16: decodeBase64(DOT16_WASM_BASE64),
  quantize: decodeBase64(QUANTIZE_WASM_BASE64),
  float32Relaxed: decodeBase64(FLOAT32_RELAXED_WASM_BASE64),
  float32Simd: decodeBase64(FLOAT32_SIMD_WASM_BASE64),
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
 * dot16 module uses no relaxed instruction, so it still validates where relaxed SIMD is missing;
 * `"relaxed"` needs both builds of the relaxed kernel. Both Wasm kernels also need the quantizer
 * module (float32 to int8, SIMD only).
 *
 * @param validate The check to use; `WebAssembly.validate` unless testing.
 * @returns The supported kernel names, always ending with `"scalar"`.
 */
export function detectKernels(validate: Validate = WebAssembly.validate): KernelName[] {
  if (!validates(validate, "quantize")) return ["scalar"];
  const relaxed = validates(validate, "relaxed") && validates(validate, "relaxedSplit");
  return [
    ...relaxed ? ["relaxed" as const] : [],
    ...validates(validate, "dot16") ? ["dot16" as const] : [],
    "scalar",
  ];
}

/** The name of a float32 Wasm kernel: `"relaxed"` (`f32x4.relaxed_madd`) or `"simd"` (mul, add). */
export type Float32KernelName = "relaxed" | "simd";

/** The Wasm module of each float32 kernel. */
export const FLOAT32_MODULES: Readonly<Record<Float32KernelName, WasmModuleName>> = {
  relaxed: "float32Relaxed",
  simd: "float32Simd",
};

/**
 * Lists the float32 Wasm kernels an engine supports, fastest first, by validating their modules
 * (the relaxed one uses `f32x4.relaxed_madd`; the SIMD one is the same source without it).
 *
 * @param validate The check to use; `WebAssembly.validate` unless testing.
 * @returns The supported float32 kernel names (empty without Wasm SIMD).
 */
export function detectFloat32Kernels(
  validate: Validate = WebAssembly.validate,
): Float32KernelName[] {
  return (["relaxed", "simd"] as const).filter((name) =>
    validates(validate, FLOAT32_MODULES[name])
  );
}

/**
 * How the engine lowers the relaxed int8 dot, from the `probe` export of the relaxed module
 * (lane 0 of `i32x4.relaxed_dot_i8x16_i7x16_add_s(splat 127, splat 255, 0)`, an input outside the
 * i7 range on purpose): `"split"` when it saturates at 16 bits (65534: x86 `pmaddubsw` without
 * AVX-VNNI, where the split build runs measurably faster, see `int8_matmul_relaxed.wat`), else
 * `"fused"` (VNNI `vpdpbusd`, Arm `sdot`, ...: one instruction, the fused build).
 *
 * @param module The compiled relaxed module.
 * @returns The relaxed build to use.
 */
export function relaxedForm(module: WebAssembly.Module): "fused" | "split" {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const { probe } = new WebAssembly.Instance(module, { env: { memory } }).exports;
  return (probe as (a: number, b: number) => number)(127, 255) === 65534 ? "split" : "fused";
}

const AVAILABLE: readonly KernelName[] = Object.freeze(detectKernels());
const AVAILABLE_FLOAT32: readonly Float32KernelName[] = Object.freeze(detectFloat32Kernels());

const MODULES: Partial<Record<WasmModuleName, WebAssembly.Module>> = {};
const compile = (name: WasmModuleName) => MODULES[name] = new WebAssembly.Module(BINARIES[name]);
if (AVAILABLE.includes("dot16")) compile("dot16");
if (AVAILABLE.includes("relaxed")) {
  compile("relaxed");
  compile("relaxedSplit");
}
if (AVAILABLE[0] !== "scalar") compile("quantize");
for (const name of AVAILABLE_FLOAT32) compile(FLOAT32_MODULES[name]);
const RELAXED_FORM = MODULES.relaxed ? relaxedForm(MODULES.relaxed) : "fused";

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
 * The float32 Wasm kernels this engine supports, fastest first (detected once, at import).
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { availableFloat32Kernels } from "@tinytorch/quantization/kernels";
 * assert.ok(availableFloat32Kernels().every((k) => k === "relaxed" || k === "simd"));
 * ```
 *
 * @returns A fresh array of float32 kernel names (empty without Wasm SIMD).
 */
export function availableFloat32Kernels(): Float32KernelName[] {
  return [...AVAILABLE_FLOAT32];
}

/**
 * The build of the relaxed int8 kernel this engine runs (`"fused"` or `"split"`, see
 * {@linkcode relaxedForm}); both give the same results. Internal: for benchmarks and tests.
 *
 * @returns The form, `"fused"` when the relaxed kernel is not available.
 */
export function relaxedKernelForm(): "fused" | "split" {
  return RELAXED_FORM;
}

/**
 * The compiled module of a Wasm kernel, of the quantizer that feeds the int8 ones, or of a float32
 * kernel (compiled synchronously at import), or `undefined` when the engine does not support it.
 * `"relaxed"` is the fused build of the relaxed kernel and `"relaxedSplit"` its split build
 * ({@linkcode relaxedKernelForm} says which one runs). Internal: used by
 * {@linkcode createInt8Linear} and `createFloat32Linear`.
 *
 * @param name A Wasm module name.
 * @returns The module, if supported.
 */
export function kernelModule(name: WasmModuleName): WebAssembly.Module | undefined {
  return MODULES[name];
}
