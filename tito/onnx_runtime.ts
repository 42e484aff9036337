/**
 * ONNX files run in ONNX Runtime: onnxruntime-web on its WebAssembly backend, single-threaded
 * (`env.wasm.numThreads = 1`, so no worker threads), with its log limited to errors (it prints
 * warnings on the console otherwise). Used by the demo, milestone 07 and the tests that check the
 * exported models and operators against the course's own arithmetic.
 *
 * @module
 */
import * as ort from "onnxruntime-web";
import type { OnnxDtype, OnnxTensor } from "@tinytorch/quantization/onnx";
import { Tensor } from "@tinytorch/tensor";

ort.env.wasm.numThreads = 1;
ort.env.logLevel = "error";

/** The version of onnxruntime-web that runs the files. */
export const ONNX_RUNTIME_VERSION: string = ort.env.versions.web ?? "unknown";

/** onnxruntime-web 1.31 passes no 4-bit tensor in or out ("unsupported type: int4"). */
function fourBitError(name: string): TypeError {
  return new TypeError(
    `Cannot pass the 4-bit tensor ${name} to or from ONNX Runtime Web: keep it inside the graph (an initializer, or Cast to 8 bits)`,
  );
}

const ORT_TYPE: Readonly<Record<OnnxDtype, ort.Tensor.Type>> = {
  float32: "float32",
  uint8: "uint8",
  int8: "int8",
  int32: "int32",
  int64: "int64",
  float64: "float64",
  uint4: "uint4",
  int4: "int4",
};

function toOrt(t: OnnxTensor): ort.Tensor {
  if (t.dtype === "int4" || t.dtype === "uint4") throw fourBitError(t.name);
  return new ort.Tensor(ORT_TYPE[t.dtype], t.data as ort.Tensor.DataType, [...t.dims]);
}

function fromOrt(name: string, t: ort.Tensor): OnnxTensor {
  const dtype = (Object.keys(ORT_TYPE) as OnnxDtype[]).find((d) => ORT_TYPE[d] === t.type);
  if (!dtype) throw new TypeError(`Cannot read the ONNX Runtime output ${name} of type ${t.type}`);
  if (dtype === "int4" || dtype === "uint4") throw fourBitError(name);
  return { name, dtype, dims: [...t.dims], data: t.data as OnnxTensor["data"] };
}

/** An ONNX model loaded into ONNX Runtime. */
export interface OnnxSession {
  /** The names of the graph's inputs. */
  readonly inputNames: readonly string[];
  /** The names of the graph's outputs. */
  readonly outputNames: readonly string[];
  /**
   * Runs the graph.
   *
   * @param feeds One tensor per graph input, by name.
   * @returns Every output, by name.
   */
  run(feeds: readonly OnnxTensor[]): Promise<Record<string, OnnxTensor>>;
  /** Frees the session's memory in the runtime. */
  release(): Promise<void>;
}

/**
 * Loads the bytes of a `.onnx` file into ONNX Runtime (Wasm backend, default graph
 * optimizations).
 *
 * @param bytes The file.
 * @returns The session.
 * @throws {Error} What ONNX Runtime says about a file it cannot load.
 */
export async function onnxSession(bytes: Uint8Array): Promise<OnnxSession> {
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ["wasm"],
    logSeverityLevel: 3, // errors only: its warnings go to the console
  });
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds) {
      const inputs = Object.fromEntries(feeds.map((t) => [t.name, toOrt(t)]));
      const results = await session.run(inputs);
      return Object.fromEntries(
        Object.entries(results).map(([name, t]) => [name, fromOrt(name, t)]),
      );
    },
    release: () => session.release(),
  };
}

/**
 * Runs a model exported by `exportOnnx` (one float32 input `"input"`, one float32 output
 * `"output"`) on a batch.
 *
 * @param bytes The `.onnx` file.
 * @param x The float32 input.
 * @returns The output, as a float32 tensor.
 */
export async function runOnnxModel(bytes: Uint8Array, x: Tensor): Promise<Tensor> {
  const session = await onnxSession(bytes);
  try {
    const data = x.data instanceof Float32Array ? x.data : Float32Array.from(x.data);
    const { output } = await session.run([
      { name: "input", dtype: "float32", dims: x.shape, data },
    ]);
    return new Tensor(Float32Array.from(output.data as Float32Array), [...output.dims]);
  } finally {
    await session.release();
  }
}

/** How two batches of logits `[rows, classes]` agree. */
export interface OutputAgreement {
  /** Rows (inputs) compared. */
  readonly rows: number;
  /** Rows whose largest logit is at the same index (the same prediction). */
  readonly samePredictions: number;
  /** Values that are the same float32 number. */
  readonly identicalValues: number;
  /** Values at most one float32 step apart. */
  readonly withinOneUlp: number;
  /** All values. */
  readonly values: number;
  /** The largest distance in float32 steps (ulps); large near 0, where the steps are tiny. */
  readonly maxUlps: number;
  /** The largest absolute difference. */
  readonly maxAbsDiff: number;
}

const bits = new Int32Array(1);
const asFloat = new Float32Array(bits.buffer);
/** A float32's position on the number line in steps (−0 and +0 are both 0). */
function ordinal(v: number): number {
  asFloat[0] = v;
  return bits[0] < 0 ? -2147483648 - bits[0] : bits[0];
}

function argmax(data: ArrayLike<number>, from: number, count: number): number {
  let best = 0;
  for (let j = 1; j < count; j++) if (data[from + j] > data[from + best]) best = j;
  return best;
}

/**
 * Compares two batches of outputs: predictions (the index of the largest value in each row) and
 * each value, in float32 steps and in absolute terms.
 *
 * @param got The outputs of one side, `[rows, classes]`.
 * @param want The outputs of the other, the same shape.
 * @returns The counts and largest differences.
 * @throws {RangeError} If the shapes differ or are not 2-D.
 */
export function outputAgreement(got: Tensor, want: Tensor): OutputAgreement {
  if (got.ndim !== 2 || got.shape.join() !== want.shape.join()) {
    throw new RangeError(
      `Cannot compare outputs of shape [${got.shape}] and [${want.shape}]: expected the same [rows, classes]`,
    );
  }
  const [rows, classes] = want.shape;
  let samePredictions = 0, identicalValues = 0, withinOneUlp = 0, maxUlps = 0, maxAbsDiff = 0;
  for (let r = 0; r < rows; r++) {
    if (argmax(got.data, r * classes, classes) === argmax(want.data, r * classes, classes)) {
      samePredictions++;
    }
  }
  for (let i = 0; i < want.size; i++) {
    const ulps = Math.abs(ordinal(got.data[i]) - ordinal(want.data[i]));
    if (ulps === 0) identicalValues++;
    if (ulps <= 1) withinOneUlp++;
    maxUlps = Math.max(maxUlps, ulps);
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(got.data[i] - want.data[i]));
  }
  return {
    rows,
    samePredictions,
    identicalValues,
    withinOneUlp,
    values: want.size,
    maxUlps,
    maxAbsDiff,
  };
}
