/**
 * Milestone 03, MLP (1986): the trained reference weights in YOUR Linear, ReLU and Sequential,
 * on YOUR Tensor, must classify the 2000 MNIST test digits at the registry's accuracy.
 *
 * @module
 */
import { accuracy, loadMnist } from "@tinytorch/datasets";
import { referenceModel } from "./reference_model.ts";
import {
  type MilestoneContext,
  type MilestoneOutcome,
  oneLine,
  percent,
  threshold,
} from "./runner.ts";

/**
 * Classifies the test digits and judges the accuracy.
 *
 * @param context The run's context.
 * @returns The outcome: accuracy and the digits classified correctly.
 */
export async function run(context: MilestoneContext): Promise<MilestoneOutcome> {
  const { test } = await loadMnist();
  const model = await referenceModel();
  context.log(`Your model: ${oneLine(model)}`);
  context.log(`Classifying ${test.labels.size} MNIST test digits with your forward pass…`);
  const started = performance.now();
  const logits = model.eval().forward(test.images);
  const seconds = (performance.now() - started) / 1000;
  const acc = accuracy(logits, test.labels);
  const total = test.labels.size;
  const correct = Math.round(acc * total);
  const wanted = threshold(context, "accuracy");
  context.log(`forward pass: ${seconds.toFixed(3)} s for ${total} digits`);
  return {
    passed: acc >= wanted,
    checks: [{
      name: "MNIST test accuracy",
      measured: `${percent(acc)} (${correct}/${total})`,
      wanted: `≥ ${percent(wanted, 0)}`,
      ok: acc >= wanted,
    }],
    measurements: { accuracy: acc, correct, total, forwardSeconds: seconds },
  };
}
