/**
 * The machine balance `tito profile` and milestone 06 judge against: `measureMachine` with the
 * course's fastest kernels at the time, module 15's int8 kernel included (profiling never imports a
 * later module, so tito passes it in).
 *
 * @module
 */
import { type ComputeKernel, type MachineBalance, measureMachine } from "@tinytorch/profiling";
import { bestKernel, createInt8Linear } from "@tinytorch/quantization/kernels";

/**
 * The int8 kernel `Int8 Linear` layers run (`bestKernel()`: Wasm SIMD where the engine has it)
 * as an n×n×n matmul for `measureMachine`: 2·n³ integer operations per call.
 *
 * @returns The kernel.
 */
export function int8MatmulKernel(): ComputeKernel {
  const kernel = bestKernel();
  return {
    name: `createInt8Linear "${kernel}" (@tinytorch/quantization/kernels)`,
    precision: "int8",
    prepare(n) {
      const w = new Int8Array(n * n).map((_, i) => (i % 7) - 3);
      const x = new Uint8Array(n * n).map((_, i) => i % 100); // in [0, 127]: valid for every kernel
      const layer = createInt8Linear(w, [n, n], { kernel, maxBatch: n });
      return () => layer.run(x, n);
    },
  };
}

/**
 * Measures this machine once per process with every kernel the course has.
 *
 * @returns The balance.
 */
export function courseMachine(): Promise<MachineBalance> {
  return measureMachine({ kernels: [int8MatmulKernel()] });
}
