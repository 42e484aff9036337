/**
 * Private helpers of `Tensor`: turning tensor data into nested arrays and text. Not part of the
 * public API.
 *
 * @module
 */
import type { TypedArray } from "./dtype.ts";
import type { NestedArray } from "./tensor.ts";

/**
 * Builds nested arrays from row-major data: shape `[2,3]` gives 2 rows of 3 numbers; shape `[]`
 * gives the single number.
 *
 * @param data Row-major values.
 * @param shape The shape.
 * @returns The nested arrays.
 */
export function nest(data: ArrayLike<number>, shape: readonly number[]): NestedArray {
  if (shape.length === 0) return data[0];
  const build = (axis: number, offset: number, step: number): NestedArray[] => {
    const n = shape[axis];
    const inner = n === 0 ? 0 : step / n;
    const out: NestedArray[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = axis === shape.length - 1
        ? data[offset + i]
        : build(axis + 1, offset + i * inner, inner);
    }
    return out;
  };
  let size = 1;
  for (const d of shape) size *= d;
  return build(0, 0, size);
}

const MAX_SHOWN = 1000;

function formatNumber(x: number, isFloat: boolean): string {
  if (!isFloat || !Number.isFinite(x)) return String(x);
  return Number.isInteger(x) ? `${x}.` : String(Number(x.toPrecision(6)));
}

/**
 * Formats a tensor NumPy-style: `tensor([[1., 2.], [3., 4.]], dtype=float32)`. Tensors with more
 * than 1000 elements show their shape and the first and last values only.
 *
 * @param data Row-major values.
 * @param shape The shape.
 * @param dtype The dtype name.
 * @returns The text.
 */
export function formatTensor(data: TypedArray, shape: readonly number[], dtype: string): string {
  const isFloat = dtype === "float32";
  if (data.length > MAX_SHOWN) {
    const head = Array.from(data.subarray(0, 3), (x) => formatNumber(x, isFloat));
    const tail = Array.from(data.subarray(data.length - 3), (x) => formatNumber(x, isFloat));
    return `tensor([${head.join(", ")}, ..., ${
      tail.join(", ")
    }], shape=[${shape}], dtype=${dtype})`;
  }
  const text = (v: NestedArray): string =>
    Array.isArray(v) ? `[${v.map(text).join(", ")}]` : formatNumber(v, isFloat);
  return `tensor(${text(nest(data, shape))}, dtype=${dtype})`;
}
