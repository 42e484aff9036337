/**
 * Test doubles that follow the profiling protocol without `@tinytorch/layers`: byte counts come
 * from real typed arrays. Given code, used by the cases to build inputs.
 *
 * @module
 */
import type { Api } from "./mod.ts";

/** A minimal tensor: a typed array and a shape. */
export class FakeTensor {
  /**
   * @param data The values.
   * @param shape The shape; its product must be `data.length`.
   */
  constructor(readonly data: Float32Array | Int8Array | Int32Array, readonly shape: number[]) {}
  /** The dtype, from the array type. */
  get dtype(): string {
    return this.data instanceof Float32Array
      ? "float32"
      : this.data instanceof Int8Array
      ? "int8"
      : "int32";
  }
  /** Number of values. */
  get size(): number {
    return this.data.length;
  }
  /** Bytes of the typed array. */
  get nbytes(): number {
    return this.data.byteLength;
  }
}

function count(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A float32 tensor of zeros. */
export function f32(shape: number[]): FakeTensor {
  return new FakeTensor(new Float32Array(count(shape)), shape);
}

/** An int8 tensor of zeros. */
export function int8(shape: number[]): FakeTensor {
  return new FakeTensor(new Int8Array(count(shape)), shape);
}

/**
 * A per-channel int8 quantized weight as a later module might store it: int8 values, one float32
 * scale and one int32 zero point per output row; `size` and `nbytes` count all three.
 */
export function quantizedWeight(rows: number, cols: number) {
  const q = new Int8Array(rows * cols);
  const scales = new Float32Array(rows);
  const zeroPoints = new Int32Array(rows);
  return {
    shape: [rows, cols],
    size: q.length + scales.length + zeroPoints.length,
    nbytes: q.byteLength + scales.byteLength + zeroPoints.byteLength,
  };
}

/** A dense layer `in → out` with float32 parameters; its forward returns zeros of the right shape. */
export function dense(inF: number, outF: number) {
  const weight = f32([outF, inF]);
  const bias = f32([outF]);
  const outputShape = (s: readonly number[]): number[] => {
    if (s[s.length - 1] !== inF) {
      throw new RangeError(`Cannot apply Dense(${inF}, ${outF}) to shape [${s}]`);
    }
    return [...s.slice(0, -1), outF];
  };
  return {
    weight,
    bias,
    parameters: () => [weight, bias],
    outputShape,
    flops: (s: readonly number[]) => {
      const rows = count(s) / inF;
      return 2 * rows * inF * outF + rows * outF;
    },
    forward: (x: { shape: readonly number[] }) => f32(outputShape(x.shape)),
    toString: () => `Dense(${inF}, ${outF})`,
  };
}

/** An element-wise layer that declares nothing but `forward` (no parameters, shape, flops). */
export function bare() {
  return {
    forward: (x: { shape: readonly number[] }) => f32([...x.shape]),
    toString: () => "Bare()",
  };
}

/** A layer that flattens to `[batch, rest]` and declares `outputShape` but no `flops`. */
export function flattenWithoutFlops() {
  const outputShape = (s: readonly number[]) => [s[0], count(s.slice(1))];
  return {
    outputShape,
    forward: (x: { shape: readonly number[] }) => f32(outputShape(x.shape)),
    toString: () => "Flat()",
  };
}

/**
 * The reference architecture 784→128→ReLU→64→ReLU→10 with seeded weights, from the API under test.
 *
 * @param api The layers to build it from.
 * @returns The model.
 */
export function mlp({ Linear, ReLU, Sequential }: Api) {
  return new Sequential(
    new Linear(784, 128, { seed: 1 }),
    new ReLU(),
    new Linear(128, 64, { seed: 2 }),
    new ReLU(),
    new Linear(64, 10, { seed: 3 }),
  );
}
