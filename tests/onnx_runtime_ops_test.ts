/**
 * Randomly generated cases of the five quantization operators, computed twice: by the course's
 * public API and by onnxruntime-web on a graph of that one node (opset 21). They must agree bit
 * for bit. The cases are seeded (the course's `Rng`) and cover odd shapes, exact ties (halves
 * that round to even), all-positive, all-negative and constant data, saturation, per-axis
 * parameters (negative axes too), 8-bit and 4-bit types. ONNX's activations are unsigned; the
 * course stores signed values, and its `toUint8` / `fromUint8` shift by `2^(bits−1)` exactly.
 *
 * onnxruntime-web passes no 4-bit tensor in or out, so 4-bit data are initializers and 4-bit
 * results are Cast to 8 bits inside the graph. Every other input is a graph input, so nothing is
 * folded away before the operator runs.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  dequantizeInt8,
  QuantizedTensor,
  quantizeInt8,
  requantize,
  requantizeMultiplier,
} from "@tinytorch/quantization";
import {
  availableKernels,
  createInt8Linear,
  type KernelName,
  rowSums,
} from "@tinytorch/quantization/kernels";
import {
  ModelProto,
  ONNX_DTYPE,
  type OnnxDtype,
  type OnnxTensor,
  onnxTensorFields,
} from "@tinytorch/quantization/onnx";
import { Rng, Tensor } from "@tinytorch/tensor";
import { onnxSession } from "@tinytorch/tito/onnx_runtime";

type IntType = "uint8" | "int8" | "uint4" | "int4";

/** One operator call: its inputs (null: omitted), attributes, outputs and the course's answer. */
interface OpCase {
  readonly label: string;
  readonly op: string;
  readonly attributes?: Readonly<Record<string, number>>;
  readonly inputs: readonly (OnnxTensor | null)[];
  readonly outputs: readonly { readonly name: string; readonly dtype: OnnxDtype }[];
  /** What the course computes, one array per output. */
  readonly want: readonly ArrayLike<number>[];
}

const is4Bit = (d: OnnxDtype) => d === "int4" || d === "uint4";
const bitsOf = (d: IntType) => is4Bit(d) ? 4 : 8;
const unsigned = (d: IntType) => d === "uint8" || d === "uint4";
/** The signed course value of an ONNX value: unsigned types are shifted by 2^(bits−1). */
const shiftOf = (d: IntType) => unsigned(d) ? 2 ** (bitsOf(d) - 1) : 0;
const rangeOf = (d: IntType): [number, number] => {
  const bits = bitsOf(d);
  return unsigned(d) ? [0, 2 ** bits - 1] : [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
};
const ARRAY = { uint8: Uint8Array, int8: Int8Array, uint4: Uint8Array, int4: Int8Array } as const;
const size = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

function tensorOf(
  name: string,
  dtype: OnnxDtype,
  dims: readonly number[],
  data: ArrayLike<number>,
) {
  const arrays = { float32: Float32Array, int32: Int32Array, ...ARRAY } as const;
  const type = arrays[dtype as keyof typeof arrays];
  return { name, dtype, dims, data: type.from(data) } as OnnxTensor;
}

/** The one-node model of a case (4-bit inputs as initializers, 4-bit outputs Cast to 8 bits). */
function model(c: OpCase): Uint8Array {
  const valueInfo = (name: string, dtype: OnnxDtype) => ({
    name,
    type: { tensorType: { elemType: ONNX_DTYPE[dtype] } },
  });
  const widened = (d: OnnxDtype): OnnxDtype => d === "int4" ? "int8" : d === "uint4" ? "uint8" : d;
  const node = {
    opType: c.op,
    input: c.inputs.map((t) => t?.name ?? ""),
    output: c.outputs.map((o) => is4Bit(o.dtype) ? `${o.name}_4bit` : o.name),
    attribute: Object.entries(c.attributes ?? {}).map(([name, i]) => ({ name, type: "INT", i })),
  };
  const casts = c.outputs.filter((o) => is4Bit(o.dtype)).map((o) => ({
    opType: "Cast",
    input: [`${o.name}_4bit`],
    output: [o.name],
    attribute: [{ name: "to", type: "INT", i: ONNX_DTYPE[widened(o.dtype)] }],
  }));
  const present = c.inputs.filter((t): t is OnnxTensor => t !== null);
  return ModelProto.encode(ModelProto.fromObject({
    irVersion: 10,
    opsetImport: [{ domain: "", version: 21 }],
    graph: {
      name: c.op,
      node: [node, ...casts],
      initializer: present.filter((t) => is4Bit(t.dtype)).map(onnxTensorFields),
      input: present.filter((t) => !is4Bit(t.dtype)).map((t) => valueInfo(t.name, t.dtype)),
      output: c.outputs.map((o) => valueInfo(o.name, widened(o.dtype))),
    },
  })).finish();
}

/** Runs every case in ONNX Runtime; returns a line per disagreement. */
async function disagreements(cases: readonly OpCase[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    const session = await onnxSession(model(c));
    try {
      const feeds = c.inputs.filter((t): t is OnnxTensor => t !== null && !is4Bit(t.dtype));
      const got = await session.run(feeds);
      c.outputs.forEach((o, i) => {
        const g = Array.from(got[o.name].data as ArrayLike<number>);
        const w = Array.from(c.want[i]);
        const at = g.findIndex((v, j) => !Object.is(v, w[j]));
        if (g.length !== w.length || at >= 0) {
          problems.push(
            `${c.label}: ${o.name}[${at}] is ${g[at]} in ONNX Runtime, ${w[at]} in the course`,
          );
        }
      });
    } finally {
      await session.release();
    }
  }
  return problems;
}

// --- random data -----------------------------------------------------------------------------

const rng = new Rng(20261204);
const pick = <T>(items: readonly T[]): T => items[rng.int(0, items.length)];

function randomShape(): number[] {
  const rank = rng.int(1, 4);
  return Array.from({ length: rank }, () => pick([1, 2, 3, 5, 7, 9, 13]));
}

/** A float32 scale between 2^-10 and 4, or a power of two (so that ties can be exact). */
function randomScale(powerOfTwo = false): number {
  return powerOfTwo ? 2 ** rng.int(-6, 2) : Math.fround(2 ** rng.uniform(-10, 2));
}

type DataKind = "normal" | "ties" | "all-positive" | "all-negative" | "constant" | "zeros";
const KINDS: readonly DataKind[] = [
  "normal",
  "ties",
  "all-positive",
  "all-negative",
  "constant",
  "zeros",
];

/** Float32 data of a kind; "ties" are odd multiples of `step / 2` (exact halves of a step). */
function randomData(kind: DataKind, n: number, step: number, reach: number): Float32Array {
  const c = rng.uniform(-3, 3);
  return Float32Array.from({ length: n }, () => {
    if (kind === "ties") return (rng.int(-reach, reach) + 0.5) * step;
    if (kind === "all-positive") return rng.uniform(0.01, reach * step);
    if (kind === "all-negative") return -rng.uniform(0.01, reach * step);
    if (kind === "constant") return c;
    if (kind === "zeros") return 0;
    return rng.normal(0, reach * step / 2);
  });
}

function randomInts(dtype: IntType, n: number, range = rangeOf(dtype)): number[] {
  return Array.from({ length: n }, () => rng.int(range[0], range[1] + 1));
}

/** Per-tensor (`axis` null) or per-axis parameters: `count` channels along a random axis. */
function randomAxis(dims: readonly number[]): { axis: number | null; channels: number } {
  if (rng.next() < 0.4) return { axis: null, channels: 1 };
  const axis = rng.int(0, dims.length);
  return { axis, channels: dims[axis] };
}

/** The ONNX axis attribute: sometimes counted from the end. */
const onnxAxis = (axis: number, rank: number) => rng.next() < 0.5 ? axis - rank : axis;

// --- the operators -----------------------------------------------------------------------------

const INT_TYPES: readonly IntType[] = ["uint8", "int8", "uint4", "int4"];

function quantizeLinearCases(perType: number): OpCase[] {
  const cases: OpCase[] = [];
  for (const dtype of INT_TYPES) {
    for (let i = 0; i < perType; i++) {
      const kind = KINDS[i % KINDS.length];
      const dims = randomShape();
      const { axis, channels } = randomAxis(dims);
      const ties = kind === "ties";
      const scale = Array.from({ length: channels }, () => randomScale(ties));
      const zero = randomInts(dtype, channels);
      const reach = bitsOf(dtype) === 8 ? 160 : 12; // some values saturate
      const x = randomData(kind, size(dims), Math.min(...scale), reach);
      const bits = bitsOf(dtype);
      const shift = shiftOf(dtype);
      const q = quantizeInt8(new Tensor(x, dims), {
        scale,
        zeroPoint: zero.map((z) => z - shift),
        ...(axis === null ? {} : { axis }),
        bits,
      });
      const want = unsigned(dtype) ? q.toUint8().values : q.values.data;
      const pDims = axis === null ? [] : [channels];
      cases.push({
        label: `QuantizeLinear ${dtype} ${kind} [${dims}] axis ${axis}`,
        op: "QuantizeLinear",
        attributes: axis === null ? {} : { axis: onnxAxis(axis, dims.length) },
        inputs: [
          tensorOf("x", "float32", dims, x),
          tensorOf("y_scale", "float32", pDims, scale),
          tensorOf("y_zero_point", dtype, pDims, zero),
        ],
        outputs: [{ name: "y", dtype }],
        want: [want as ArrayLike<number>],
      });
    }
  }
  return cases;
}

function dequantizeLinearCases(perType: number): OpCase[] {
  const cases: OpCase[] = [];
  for (const dtype of INT_TYPES) {
    for (let i = 0; i < perType; i++) {
      const dims = randomShape();
      const { axis, channels } = randomAxis(dims);
      const [lo, hi] = rangeOf(dtype);
      const extremes = i % 3 === 0; // only the ends of the range
      const x = randomInts(dtype, size(dims)).map((v) => extremes ? (v % 2 ? lo : hi) : v);
      const scale = Array.from({ length: channels }, () => randomScale());
      const zero = randomInts(dtype, channels);
      const bits = bitsOf(dtype);
      const init = { scale: Float32Array.from(scale), axis, bits };
      const q = unsigned(dtype)
        ? QuantizedTensor.fromUint8(Uint8Array.from(x), {
          ...init,
          shape: dims,
          zeroPoint: Uint8Array.from(zero),
        })
        : new QuantizedTensor({
          ...init,
          values: new Tensor(Int8Array.from(x), dims),
          zeroPoint: Int32Array.from(zero),
          scheme: "asymmetric",
        });
      const pDims = axis === null ? [] : [channels];
      cases.push({
        label: `DequantizeLinear ${dtype}${extremes ? " extremes" : ""} [${dims}] axis ${axis}`,
        op: "DequantizeLinear",
        attributes: axis === null ? {} : { axis: onnxAxis(axis, dims.length) },
        inputs: [
          tensorOf("x", dtype, dims, x),
          tensorOf("x_scale", "float32", pDims, scale),
          tensorOf("x_zero_point", dtype, pDims, zero),
        ],
        outputs: [{ name: "y", dtype: "float32" }],
        want: [dequantizeInt8(q).data as Float32Array],
      });
    }
  }
  return cases;
}

function dynamicQuantizeLinearCases(count: number): OpCase[] {
  const cases: OpCase[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const dims = randomShape();
    let x: Float32Array;
    if (kind === "ties") {
      // A range of exactly 255 steps of a power of two, so the scale is that step, the zero point
      // m, and the values between the ends are halves of a step: every one of them is a tie.
      const step = randomScale(true);
      const m = rng.int(0, 256);
      x = Float32Array.from({ length: size(dims) + 2 }, () => (rng.int(-m, 255 - m) + 0.5) * step);
      x[0] = -m * step;
      x[1] = (255 - m) * step;
      dims.splice(0, dims.length, x.length);
    } else {
      x = randomData(kind, size(dims), randomScale(), 100);
    }
    const q = quantizeInt8(new Tensor(x, dims));
    const u = q.toUint8();
    cases.push({
      label: `DynamicQuantizeLinear ${kind} [${dims}]`,
      op: "DynamicQuantizeLinear",
      inputs: [tensorOf("x", "float32", dims, x)],
      outputs: [
        { name: "y", dtype: "uint8" },
        { name: "y_scale", dtype: "float32" },
        { name: "y_zero_point", dtype: "uint8" },
      ],
      want: [u.values, q.scale, u.zeroPoint],
    });
  }
  return cases;
}

type ByteType = "uint8" | "int8";

/** A random integer matrix product: A `[..., M, K]`, B `[K, N]` and their zero points. */
function randomProduct(aType: ByteType, bType: ByteType, sevenBit: boolean) {
  const lead = rng.next() < 0.25 ? [pick([2, 3])] : [];
  const [m, k, n] = [pick([1, 2, 3, 5, 8]), pick([1, 3, 7, 16, 17, 33]), pick([1, 2, 5, 9])];
  const aRange: [number, number] = sevenBit
    ? [shiftOf(aType), shiftOf(aType) + 127]
    : rangeOf(aType);
  const a = randomInts(aType, size(lead) * m * k, aRange);
  const b = randomInts(bType, k * n);
  const perColumn = rng.next() < 0.5;
  return {
    aDims: [...lead, m, k],
    rows: size(lead) * m,
    k,
    n,
    a,
    b,
    aZero: randomInts(aType, 1)[0],
    bZero: randomInts(bType, perColumn ? n : 1),
    perColumn,
  };
}

/**
 * `Σ_k (A − a_zero)(B − b_zero)` through the course's kernels: the int8 forms of A and B (ONNX's
 * unsigned values minus 128), `kernel.run` for `Σ A·B`, and the zero-point terms from row sums.
 */
function courseAccumulators(
  p: ReturnType<typeof randomProduct>,
  aType: ByteType,
  bType: ByteType,
  kernel: KernelName,
): Int32Array {
  const [sa, sb] = [shiftOf(aType), shiftOf(bType)];
  const a = Int8Array.from(p.a, (v) => v - sa);
  const w = Int8Array.from(
    { length: p.n * p.k },
    (_, i) => p.b[(i % p.k) * p.n + Math.floor(i / p.k)] - sb,
  );
  const za = p.aZero - sa;
  const zb = Int32Array.from(p.bZero, (z) => z - sb);
  const xw = createInt8Linear(w, [p.n, p.k], { kernel }).run(a, p.rows);
  const aSums = rowSums(a, [p.rows, p.k]);
  const wSums = rowSums(w, [p.n, p.k]);
  return Int32Array.from(xw, (v, i) => {
    const [r, j] = [Math.floor(i / p.n), i % p.n];
    const z = zb[p.perColumn ? j : 0];
    return v - z * aSums[r] - za * wSums[j] + p.k * za * z;
  });
}

/** The kernels that take these inputs: `relaxed` only 7-bit ones (its inputs lie in [0, 127]). */
function kernelsFor(sevenBit: boolean): KernelName[] {
  return availableKernels().filter((k) => k !== "relaxed" || sevenBit);
}

/** The (A, B) types onnxruntime's MatMulInteger and QLinearMatMul run. */
const PAIRS: readonly [ByteType, ByteType][] = [["uint8", "int8"], ["uint8", "uint8"], [
  "int8",
  "int8",
]];

function matMulIntegerCases(perPair: number): OpCase[] {
  const cases: OpCase[] = [];
  for (const [aType, bType] of PAIRS) {
    for (let i = 0; i < perPair; i++) {
      const sevenBit = i % 3 === 0 && aType === "uint8";
      const p = randomProduct(aType, bType, sevenBit);
      const bzDims = p.perColumn ? [p.n] : [];
      for (const kernel of kernelsFor(sevenBit)) {
        cases.push({
          label: `MatMulInteger ${aType}×${bType} [${p.aDims}]×[${p.k},${p.n}] ${kernel}`,
          op: "MatMulInteger",
          inputs: [
            tensorOf("A", aType, p.aDims, p.a),
            tensorOf("B", bType, [p.k, p.n], p.b),
            tensorOf("a_zero_point", aType, [], [p.aZero]),
            tensorOf("b_zero_point", bType, bzDims, p.bZero),
          ],
          outputs: [{ name: "Y", dtype: "int32" }],
          want: [courseAccumulators(p, aType, bType, kernel)],
        });
      }
    }
  }
  return cases;
}

function qLinearMatMulCases(perPair: number): OpCase[] {
  const cases: OpCase[] = [];
  for (const [aType, bType] of PAIRS) {
    for (let i = 0; i < perPair; i++) {
      const p = randomProduct(aType, bType, false);
      const ties = i % 3 === 0; // multiplier 1/2 (or 1/4): odd accumulators land on halves
      const aScale = ties ? 1 : randomScale();
      const bScale = Array.from({ length: p.perColumn ? p.n : 1 }, () => ties ? 1 : randomScale());
      const yScale = ties ? pick([2, 4]) : Math.fround(randomScale() * p.k * 8);
      const yZero = randomInts(aType, 1)[0];
      const acc = courseAccumulators(p, aType, bType, "scalar");
      const multiplier = Float32Array.from(bScale, (s) => requantizeMultiplier(aScale, s, yScale));
      const shift = shiftOf(aType);
      const q = requantize(acc, {
        multiplier: p.perColumn ? multiplier : multiplier[0],
        zeroPoint: yZero - shift,
      });
      const pDims = p.perColumn ? [p.n] : [];
      cases.push({
        label: `QLinearMatMul ${aType}×${bType} [${p.aDims}]×[${p.k},${p.n}]${ties ? " ties" : ""}`,
        op: "QLinearMatMul",
        inputs: [
          tensorOf("a", aType, p.aDims, p.a),
          tensorOf("a_scale", "float32", [], [aScale]),
          tensorOf("a_zero_point", aType, [], [p.aZero]),
          tensorOf("b", bType, [p.k, p.n], p.b),
          tensorOf("b_scale", "float32", pDims, bScale),
          tensorOf("b_zero_point", bType, pDims, p.bZero),
          tensorOf("y_scale", "float32", [], [yScale]),
          tensorOf("y_zero_point", aType, [], [yZero]),
        ],
        outputs: [{ name: "y", dtype: aType }],
        want: [Int32Array.from(q, (v) => v + shift)],
      });
    }
  }
  return cases;
}

// Built at load time, in this order, so the seeded cases are the same on every run.
const OPERATORS: [string, OpCase[]][] = [
  ["QuantizeLinear", quantizeLinearCases(12)],
  ["DequantizeLinear", dequantizeLinearCases(9)],
  ["DynamicQuantizeLinear", dynamicQuantizeLinearCases(18)],
  ["MatMulInteger", matMulIntegerCases(10)],
  ["QLinearMatMul", qLinearMatMulCases(10)],
];

for (const [op, cases] of OPERATORS) {
  Deno.test(`onnx runtime: ${cases.length} random ${op} cases agree bit for bit with the course`, async () => {
    assert.deepEqual(await disagreements(cases), []);
  });
}

Deno.test("onnx runtime: the random cases cover every data kind, type and layout", () => {
  const labels = OPERATORS.flatMap(([, cases]) => cases.map((c) => c.label)).join("\n");
  for (const kind of KINDS) assert.match(labels, new RegExp(`QuantizeLinear \\S+ ${kind} `));
  for (const t of INT_TYPES) assert.match(labels, new RegExp(`DequantizeLinear ${t} .* axis \\d`));
  for (const t of INT_TYPES) assert.match(labels, new RegExp(`QuantizeLinear ${t} .* axis null`));
  assert.match(labels, /DynamicQuantizeLinear ties/);
  assert.match(labels, /QLinearMatMul .* ties/);
  for (const kernel of availableKernels()) {
    assert.match(labels, new RegExp(`MatMulInteger uint8×\\S+ \\[.*\\] ${kernel}`), kernel);
  }
});
