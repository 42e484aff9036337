/**
 * Packs signed values of at most 4 bits two per byte, the first in the low nibble (ONNX's int4
 * layout).
 *
 * @param values Integers in [-8, 7].
 * @returns `ceil(n / 2)` bytes.
 */
export function packNibbles(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) out[i >> 1] |= (values[i] & 0xf) << ((i & 1) << 2);
  return out;
}

/**
 * Unpacks {@linkcode packNibbles}'s bytes to one signed value per element.
 *
 * @param packed The bytes.
 * @param count How many values.
 * @returns The values, in [-8, 7].
 */
export function unpackNibbles(packed: Uint8Array, count: number): Int8Array {
  const out = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    const nibble = (packed[i >> 1] >> ((i & 1) << 2)) & 0xf;
    out[i] = nibble > 7 ? nibble - 16 : nibble;
  }
  return out;
}
