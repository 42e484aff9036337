/**
 * Given code behind `tito profile`: YOUR `profileModel` on the reference MLP (reference weights
 * in YOUR layers), and with `quantized` on its int8 version from YOUR `quantizeModel`. Loaded
 * only by `tito profile`.
 *
 * @module
 */
import { loadMnist } from "@tinytorch/datasets";
import type { Sequential } from "@tinytorch/layers";
import {
  countParameters,
  type MachineBalance,
  type ModelProfile,
  profileModel,
  type RoofMeasurement,
} from "@tinytorch/profiling";
import { courseMachine } from "./course_machine.ts";
import { firstRows, referenceModel } from "../milestones/reference_model.ts";

export { VERDICT_TEXT } from "@tinytorch/profiling";

const digits = (x: number, n = 3) => Number.isFinite(x) ? x.toPrecision(n) : String(x);

const spread = (r: RoofMeasurement) =>
  `${digits(r.best)} (median ${digits(r.median)}, slowest ${digits(r.worst)} of ${r.runs} runs)`;

/**
 * The measured roofs with their spread, for the terminal.
 *
 * @param machine The balance.
 * @returns The lines.
 */
export function machineLines(machine: MachineBalance): string[] {
  const { compute, memory, int8, ridge, ridgeRange } = machine;
  return [
    `Machine (measured now): fp32 ${spread(compute)} GFLOP/s, by ${compute.kernel}`,
    ...(int8 ? [`  int8 ${spread(int8)} GOP/s, by ${int8.kernel}`] : []),
    `  memory ${spread(memory)} GB/s (${memory.kernel})`,
    `  ridge ${digits(ridge)} FLOP/byte; within the spread ${digits(ridgeRange.low)} to ` +
    `${digits(ridgeRange.high)}: "near the ridge" there`,
  ];
}

/** One profiled model. */
export interface ProfiledModel {
  /** `"fp32"` or `"int8"`. */
  readonly name: string;
  /** Its parameters. */
  readonly parameters: number;
  /** The profile. */
  readonly profile: ModelProfile;
}

/** Options of {@linkcode profileMlp}. */
export interface ProfileMlpOptions {
  /** Rows per forward pass. */
  readonly batch: number;
  /** Timed runs per layer. */
  readonly iterations: number;
  /** Also profile the int8 model (needs the quantization module). */
  readonly quantized: boolean;
  /** Progress bar factory. */
  readonly progress: (label: string) => ((done: number, total: number) => void) | undefined;
}

/**
 * Profiles the reference MLP on real MNIST test digits, against the machine as measured with the
 * course's fastest kernels (int8 included).
 *
 * @param options Batch, iterations, whether to add the int8 model.
 * @returns One profile per model.
 */
export async function profileMlp(options: ProfileMlpOptions): Promise<ProfiledModel[]> {
  const { train, test } = await loadMnist();
  const fp32 = (await referenceModel()).eval();
  const x = firstRows(test.images, options.batch);
  const models: [string, Sequential][] = [["fp32", fp32]];
  if (options.quantized) {
    const { quantizeModel } = await import("@tinytorch/quantization");
    models.push(["int8", quantizeModel(fp32, firstRows(train.images, 500)).model]);
  }
  const out: ProfiledModel[] = [];
  const machine = await courseMachine();
  for (const [name, model] of models) {
    const profile = await profileModel(model, x, {
      iterations: options.iterations,
      machine,
      onProgress: options.progress(`profiling ${name}`),
    });
    out.push({ name, parameters: countParameters(model), profile });
  }
  return out;
}
