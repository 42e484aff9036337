import assert from "node:assert/strict";
import { memoryCapProblem } from "./deno_process.ts";

Deno.test("grader: memoryCapProblem() is silent where /proc/self/status has VmRSS", () => {
  const linux = () => "Name:\tdeno\nVmRSS:\t  131072 kB\nThreads:\t9\n";
  assert.equal(memoryCapProblem(linux), undefined);
});

Deno.test("grader: memoryCapProblem() says the cap is not enforced where /proc is missing", () => {
  const macos = (path: string) => {
    throw new Deno.errors.NotFound(`No such file or directory: ${path}`);
  };
  const problem = memoryCapProblem(macos);
  assert.ok(problem);
  assert.match(problem, /resident-memory cap was not enforced/);
  assert.match(problem, /\/proc\/self\/status cannot be read \(NotFound\)/);
  assert.match(problem, /Only the JS heap, time and output caps applied/);
  assert.match(memoryCapProblem(() => "Name:\tdeno\n") ?? "", /has no VmRSS line/);
});

Deno.test("grader: memoryCapProblem() matches this system", () => {
  let readable = true;
  try {
    readable = /VmRSS:/.test(Deno.readTextFileSync("/proc/self/status"));
  } catch {
    readable = false;
  }
  assert.equal(memoryCapProblem() === undefined, readable);
});
