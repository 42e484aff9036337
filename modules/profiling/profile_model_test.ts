import assert from "node:assert/strict";
import { Linear, ReLU, Sequential } from "@tinytorch/layers";
import { zeros } from "@tinytorch/tensor";
import { countFlops } from "./count_flops.ts";
import type { MachineBalance } from "./measure_machine.ts";
import { profileModel } from "./profile_model.ts";
import { rooflineVerdict } from "./roofline_verdict.ts";

const roof = { best: 2, median: 2, worst: 2, runs: 1, kernel: "given" };
const machine: MachineBalance = {
  gflops: 2,
  gbPerSecond: 10,
  ridge: 0.2,
  ridgeRange: { low: 0.2, high: 0.2 },
  compute: roof,
  memory: { ...roof, best: 10, median: 10, worst: 10 },
  details: { matmulSize: 0, copyBytes: 0, kernels: [], measuredAt: "" },
};

function mlp() {
  return new Sequential(
    new Linear(784, 128, { seed: 1 }),
    new ReLU(),
    new Linear(128, 64, { seed: 2 }),
    new ReLU(),
    new Linear(64, 10, { seed: 3 }),
  );
}

Deno.test("profiling: profileModel gives one consistent row per layer and a total", async () => {
  const progress: string[] = [];
  const model = mlp();
  const p = await profileModel(model, zeros([4, 784]), {
    iterations: 3,
    warmup: 1,
    machine,
    onProgress: (done, total) => progress.push(`${done}/${total}`),
  });
  assert.deepEqual(progress, ["1/6", "2/6", "3/6", "4/6", "5/6", "6/6"]);
  assert.equal(p.machine, machine);
  const flops = countFlops(model, [4, 784]);
  assert.deepEqual(p.layers.map((r) => r.flops), flops.layers.map((l) => l.flops));
  assert.deepEqual(p.layers.map((r) => r.outputShape), flops.layers.map((l) => l.outputShape));
  assert.deepEqual(p.layers.map((r) => r.parameters), [100480, 0, 8256, 0, 650]);
  assert.equal(p.layers[0].bytes, 401920 + 4 * 128 * 4);
  assert.equal(p.layers[0].movedBytes, 401920 + 4 * 784 * 4 + 4 * 128 * 4);
  for (const r of [...p.layers, p.total]) {
    assert.ok(r.medianMs >= 0);
    assert.equal(r.intensity, r.flops / r.movedBytes);
    assert.equal(r.bound, r.intensity < machine.ridge ? "memory" : "compute");
    assert.equal(r.precision, "float32");
    assert.deepEqual(
      { verdict: r.verdict, attainableGflops: r.attainableGflops },
      rooflineVerdict(r, machine),
    );
  }
  assert.equal(p.layers[1].bound, "memory"); // ReLU: 1 FLOP per 8 bytes < 0.2
  assert.equal(p.total.flops, flops.total);
  assert.equal(p.total.parameters, 109386);
  assert.deepEqual(p.total.outputShape, [4, 10]);
});

Deno.test("profiling: profileModel times a container without forward by chaining its layers", async () => {
  const p = await profileModel(
    { layers: [new Linear(3, 2, { seed: 0 }), new ReLU()] },
    zeros([1, 3]),
    {
      iterations: 2,
      warmup: 0,
      machine,
    },
  );
  assert.deepEqual(p.layers.map((r) => r.name), ["0:Linear(3, 2)", "1:ReLU()"]);
  assert.equal(p.total.flops, 2 * 3 * 2 + 2 + 2);
});

Deno.test("profiling: profileModel judges an int8 layer against the int8 roof", async () => {
  const int8 = { ...roof, best: 40, median: 40, worst: 40 };
  const layer = {
    precision: "int8" as const,
    forward: (x: { shape: number[]; nbytes: number }) => x,
    flops: () => 1,
  };
  const p = await profileModel(layer, { shape: [1, 4], nbytes: 16 }, {
    iterations: 2,
    warmup: 0,
    machine: { ...machine, int8 },
  });
  assert.equal(p.layers[0].precision, "int8");
  assert.equal(p.total.precision, "int8");
  assert.deepEqual(
    { verdict: p.layers[0].verdict, attainableGflops: p.layers[0].attainableGflops },
    rooflineVerdict(p.layers[0], { ...machine, int8 }, "int8"),
  );
});

Deno.test("profiling: profileModel rejects a non-model", async () => {
  await assert.rejects(() => profileModel(5 as never, zeros([1, 3]), { machine }), TypeError);
});
