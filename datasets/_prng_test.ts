import assert from "node:assert/strict";
import { Prng, shuffleInPlace } from "./_prng.ts";

// The MNIST split and the committed reference weights depend on this exact sequence.
Deno.test("datasets: the split generator's sequence is pinned", () => {
  const prng = new Prng(0);
  assert.deepEqual(
    [prng.next(), prng.next(), prng.next()].map((v) => Math.round(v * 2 ** 32)),
    [1144304738, 1416247, 958946056],
  );
  const order = shuffleInPlace(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), new Prng(0));
  assert.deepEqual([...order].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
