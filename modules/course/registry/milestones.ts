/**
 * A historical milestone: a run of the learner's own modules that reproduces a result of its
 * time, judged by numbers the run measures against {@linkcode MilestoneInfo.thresholds}.
 */
export interface MilestoneInfo {
  /** Two digits, e.g. `"03"`. */
  readonly id: string;
  /** A short name, e.g. `"MLP"`. */
  readonly title: string;
  /** The year of the original result. */
  readonly year: number;
  /** What the run does and what it must reach, in one or two sentences. */
  readonly summary: string;
  /** Names of the modules that must be complete before it unlocks. */
  readonly modules: readonly string[];
  /**
   * The pass marks, as data: each run reads its own keys (accuracy as a fraction, accuracy drop
   * in percentage points, ratios as plain factors).
   */
  readonly thresholds: Readonly<Record<string, number>>;
}

/** The milestones, in course order; `tito milestone run <id>` runs one. */
export const MILESTONES: readonly MilestoneInfo[] = [
  {
    id: "01",
    title: "Perceptron",
    year: 1957,
    summary: "A linear unit with a sigmoid, built from your Tensor and layers and trained by " +
      "Rosenblatt's perceptron rule, separates a seeded linearly separable set of 2-D points.",
    modules: ["tensor", "layers"],
    thresholds: { accuracy: 1 },
  },
  {
    id: "03",
    title: "MLP",
    year: 1986,
    summary: "The trained reference weights, loaded into your own Linear, ReLU and Sequential, " +
      "classify the 2000 MNIST test digits.",
    modules: ["tensor", "layers"],
    thresholds: { accuracy: 0.94 },
  },
  {
    id: "06",
    title: "MLPerf",
    year: 2018,
    summary: "Profile the MNIST MLP with your profiler, quantize it to int8 with your " +
      "quantizeModel, and show it stays accurate, is about 4× smaller and runs faster on the " +
      "integer path than on the simulated one.",
    modules: ["tensor", "layers", "profiling", "quantization"],
    thresholds: { maxAccuracyDropPoints: 0.5, minSizeRatio: 3.85, minInt8Speedup: 1 },
  },
  {
    id: "07",
    title: "Ship it",
    year: 2019,
    summary: "Export your int8 MNIST MLP to ONNX and run it in ONNX Runtime: it must predict " +
      "what your own forward pass predicts on all 2000 test digits, from a file at least 3.8× " +
      "smaller than the float32 export.",
    modules: ["tensor", "layers", "quantization"],
    thresholds: { minSamePredictions: 1, minFileRatio: 3.8 },
  },
];
