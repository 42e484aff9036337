import assert from "node:assert/strict";
import { randomValues } from "@tinytorch/course";
import { rand } from "./creation.ts";
import { DEFAULT_SEED, defaultRng, manualSeed, Rng } from "./rng.ts";

function draw(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

Deno.test("tensor: Rng gives the same numbers for the same seed", () => {
  assert.deepEqual(draw(new Rng(42), 10), draw(new Rng(42), 10));
  assert.notDeepEqual(draw(new Rng(42), 10), draw(new Rng(43), 10));
  // mulberry32, checked against the course's independent copy of it
  const reference = randomValues(5, { seed: 1, min: 0, max: 1 });
  assert.deepEqual(draw(new Rng(1), 5).map(Math.fround), reference);
});

Deno.test("tensor: Rng uniform, int, normal and shuffle stay in range", () => {
  const rng = new Rng(7);
  const u = Array.from({ length: 5000 }, () => rng.uniform(-1, 1));
  assert.ok(u.every((v) => v >= -1 && v < 1));
  assert.ok(Math.abs(u.reduce((s, v) => s + v, 0) / u.length) < 0.05);
  const ints = Array.from({ length: 1000 }, () => rng.int(3, 6));
  assert.deepEqual([...new Set(ints)].sort(), [3, 4, 5]);
  const z = Array.from({ length: 20000 }, () => rng.normal());
  const mean = z.reduce((s, v) => s + v, 0) / z.length;
  const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length;
  assert.ok(Math.abs(mean) < 0.03 && Math.abs(variance - 1) < 0.05, `${mean} ${variance}`);
  assert.ok(z.every(Number.isFinite));
  const items = [1, 2, 3, 4, 5, 6];
  assert.deepEqual(new Rng(1).shuffle([...items]).sort(), items);
  assert.deepEqual(new Rng(1).shuffle([...items]), new Rng(1).shuffle([...items]));
  assert.throws(() => rng.int(2, 2), RangeError);
  assert.throws(() => new Rng(NaN), RangeError);
  assert.throws(() => new Rng(1.5), /expected an integer/);
});

Deno.test("tensor: the default generator starts from a fixed seed and manualSeed restarts it", () => {
  manualSeed(DEFAULT_SEED);
  const first = rand(4).data;
  manualSeed(DEFAULT_SEED);
  assert.deepEqual(rand(4).data, first);
  manualSeed(9);
  assert.deepEqual(draw(defaultRng(), 3), draw(new Rng(9), 3));
  manualSeed(DEFAULT_SEED);
});
