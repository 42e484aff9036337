/**
 * Milestone 01, Perceptron (1957): a linear unit with a sigmoid, built from YOUR Linear and
 * Sigmoid on YOUR Tensor, trained by Rosenblatt's perceptron rule (given code, below) on a
 * seeded linearly separable set, must classify every point correctly.
 *
 * @module
 */
import { linearlySeparable } from "@tinytorch/datasets";
import { Linear, Sequential, Sigmoid } from "@tinytorch/layers";
import { Tensor } from "@tinytorch/tensor";
import {
  type MilestoneContext,
  type MilestoneOutcome,
  oneLine,
  percent,
  threshold,
} from "./runner.ts";

/** The seed of the data set and of the unit's initial weights. */
export const SEED = 1957;
const POINTS = 200;
const MAX_EPOCHS = 100;

/**
 * Trains and judges the perceptron.
 *
 * @param context The run's context.
 * @returns The outcome: accuracy, epochs and updates.
 */
export function run(context: MilestoneContext): Promise<MilestoneOutcome> {
  const { x, y } = linearlySeparable({ n: POINTS, seed: SEED, margin: 0.1 });
  const linear = new Linear(2, 1, { seed: SEED });
  const unit = new Sequential(linear, new Sigmoid());
  const w = linear.weight.data;
  const b = linear.bias!.data;
  context.log(`${POINTS} points in the plane, two classes a line separates (seed ${SEED}).`);
  context.log(`Your unit: ${oneLine(unit)}`);
  let epochs = 0;
  let updates = 0;
  for (let epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
    epochs = epoch;
    let mistakes = 0;
    for (let i = 0; i < POINTS; i++) {
      const xi = new Tensor(Float32Array.of(x.data[2 * i], x.data[2 * i + 1]), [1, 2]);
      const predicted = unit.forward(xi).data[0] >= 0.5 ? 1 : 0;
      const error = y.data[i] - predicted; // Rosenblatt: w += lr·(y − ŷ)·x, only when wrong
      if (error === 0) continue;
      w[0] += 0.1 * error * xi.data[0];
      w[1] += 0.1 * error * xi.data[1];
      b[0] += 0.1 * error;
      mistakes++;
      updates++;
    }
    context.log(`epoch ${String(epoch).padStart(3)}: ${mistakes} mistakes`);
    if (mistakes === 0) break;
  }
  const out = unit.forward(x).data;
  let correct = 0;
  for (let i = 0; i < POINTS; i++) if ((out[i] >= 0.5 ? 1 : 0) === y.data[i]) correct++;
  const accuracy = correct / POINTS;
  const wanted = threshold(context, "accuracy");
  context.log(`Learned: ${w[0].toFixed(3)}·x₀ + ${w[1].toFixed(3)}·x₁ + ${b[0].toFixed(3)}`);
  return Promise.resolve({
    passed: accuracy >= wanted,
    checks: [{
      name: "training accuracy",
      measured: `${percent(accuracy, 1)} (${correct}/${POINTS})`,
      wanted: `≥ ${percent(wanted, 1)}`,
      ok: accuracy >= wanted,
    }],
    measurements: { accuracy, correct, points: POINTS, epochs, updates, seed: SEED },
  });
}
