import assert from "node:assert/strict";
import { trainReferenceMlp } from "./train_reference_mlp.ts";

Deno.test("datasets: trainReferenceMlp() lowers the loss and is deterministic", async () => {
  const options = { epochs: 3, trainSize: 1024, seed: 3 };
  const progress: number[] = [];
  const a = await trainReferenceMlp({ ...options, onProgress: (done) => progress.push(done) });
  const b = await trainReferenceMlp(options);
  assert.ok(a.initialLoss > 1.5, `initial loss ${a.initialLoss}`);
  assert.ok(a.history[2].loss < a.history[0].loss && a.history[0].loss < a.initialLoss);
  assert.ok(a.history[2].loss < 0.6, `final loss ${a.history[2].loss}`);
  assert.deepEqual(progress, Array.from({ length: 48 }, (_, i) => i + 1));
  assert.deepEqual(a.layers, b.layers);
  assert.deepEqual(a.layers.map((l) => l.weightShape), [[128, 784], [64, 128], [10, 64]]);
});

Deno.test("datasets: trainReferenceMlp() rejects bad hyper-parameters", async () => {
  await assert.rejects(trainReferenceMlp({ epochs: 0 }), RangeError);
  await assert.rejects(trainReferenceMlp({ batchSize: 2.5 }), RangeError);
  await assert.rejects(trainReferenceMlp({ learningRate: -1 }), RangeError);
  await assert.rejects(trainReferenceMlp({ momentum: 1 }), RangeError);
  await assert.rejects(trainReferenceMlp({ trainSize: 9000 }), RangeError);
});
