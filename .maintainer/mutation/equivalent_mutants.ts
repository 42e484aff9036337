/**
 * Mutants of the solution regions that no case can kill because no behaviour changes. Each
 * entry says why in one line; `deno task mutation` fails when an entry no longer matches a
 * surviving mutant.
 *
 * @module
 */
import type { EquivalentMutant } from "./mutation_plan.ts";

/** The equivalent mutants, by module and task. */
export const EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  {
    task: "tensor.1",
    file: "modules/tensor/broadcast.ts",
    line: "const out = new Array<number>(ndim);",
    mutator: "ArrayDeclaration",
    original: "new Array<number>(ndim)",
    replacement: "new Array()",
    why: "the loop assigns every axis of the result, so the array's initial length does not matter",
  },
  {
    task: "tensor.1",
    file: "modules/tensor/broadcast.ts",
    line: "if (x.length === out.length && y.length === out.length) {",
    mutator: "ConditionalExpression",
    original: "x.length === out.length && y.length === out.length",
    replacement: "false",
    why: "the equal-size fast path is a speed-up: the broadcasting loop computes the same values",
  },
  {
    task: "tensor.1",
    file: "modules/tensor/broadcast.ts",
    line: "if (x.length === out.length && y.length === out.length) {",
    mutator: "BlockStatement",
    original:
      "{\n    for (let i = 0; i < out.length; i++) out[i] = f(x[i], y[i]);\n    return new Tensor(out, shape);\n  }",
    replacement: "{}",
    why: "the equal-size fast path is a speed-up: the broadcasting loop computes the same values",
  },
  {
    task: "tensor.1",
    file: "modules/tensor/broadcast.ts",
    line: "for (let i = 0; i < out.length; i++) out[i] = f(x[i], y[i]);",
    mutator: "EqualityOperator",
    original: "i < out.length",
    replacement: "i <= out.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "tensor.1",
    file: "modules/tensor/broadcast.ts",
    line: "for (let i = 0; i < out.length; i++) {",
    mutator: "EqualityOperator",
    original: "i < out.length",
    replacement: "i <= out.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "tensor.2",
    file: "modules/tensor/math.ts",
    line: "for (let i = 0; i < src.length; i++) out[i] = f(src[i]);",
    mutator: "EqualityOperator",
    original: "i < src.length",
    replacement: "i <= src.length",
    why:
      "the extra pass writes past the end of a typed array, which is ignored (f of undefined has no side effect)",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "const m4 = m - (m % 4);",
    mutator: "ArithmeticOperator",
    original: "m - (m % 4)",
    replacement: "m + m % 4",
    why:
      "the leftover rows go through the 4×4 blocks instead (out-of-range reads give NaN only in rows past the end, whose writes are ignored); both paths sum in float64 and round once",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let i = 0; i < m4; i += 4) {",
    mutator: "EqualityOperator",
    original: "i < m4",
    replacement: "i <= m4",
    why:
      "the extra block covers rows past the end (writes ignored) or leftover rows that the leftover loop then overwrites",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let r = i; r < i + 4; r++) for (let j = n4; j < n; j++) dot(r, j);",
    mutator: "EqualityOperator",
    original: "r < i + 4",
    replacement: "r <= i + 4",
    why:
      "the extra row's leftover columns are recomputed later by its own block or the leftover loop, or lie past the end",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let i = m4; i < m; i++) {",
    mutator: "EqualityOperator",
    original: "i < m",
    replacement: "i <= m",
    why: "row m lies past the end of c: its writes are ignored",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let j = 0; j < n4; j += 4) row1x4(a, b, c, i, j, k, n);",
    mutator: "EqualityOperator",
    original: "j < n4",
    replacement: "j <= n4",
    why:
      "the extra four columns spill into the next row, which is computed afterwards, or past the end; the real ones are recomputed by dot()",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let j = n4; j < n; j++) dot(i, j);",
    mutator: "EqualityOperator",
    original: "j < n",
    replacement: "j <= n",
    why:
      "dot(i, n) writes the next row's first element, which is computed afterwards, or past the end of c",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let j = 0; j < n; j++) {",
    mutator: "EqualityOperator",
    original: "j < n",
    replacement: "j <= n",
    why:
      "dot(i, n) writes the next row's first element, which is computed afterwards, or past the end of c",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let j = 0, q = p * n; j < n; j++, q++) acc[j] += x * b[q];",
    mutator: "EqualityOperator",
    original: "j < n",
    replacement: "j <= n",
    why: "acc[n] is past the end of the Float64Array: the extra write is ignored",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let i = 0; i < m; i++) {",
    mutator: "EqualityOperator",
    original: "i < m",
    replacement: "i <= m",
    why: "row m lies past the end of c: its writes are ignored",
  },
  {
    task: "tensor.3",
    file: "modules/tensor/matmul.ts",
    line: "for (let p = 0; p < k; p++) {",
    mutator: "EqualityOperator",
    original: "p < k",
    replacement: "p <= k",
    why:
      "b[k·n + j] is past the end (undefined), and Math.imul(x, undefined) is 0, so the extra term adds nothing",
  },
  {
    task: "tensor.5",
    file: "modules/tensor/reductions.ts",
    line: "if (v > acc[o] || v !== v) acc[o] = v;",
    mutator: "EqualityOperator",
    original: "v > acc[o]",
    replacement: "v >= acc[o]",
    why:
      "a tie replaces the maximum by an equal value; only 0 and -0 differ, and neither the spec nor any comparison tells them apart",
  },
  {
    task: "tensor.5",
    file: "modules/tensor/reductions.ts",
    line: "if (v < acc[o] || v !== v) acc[o] = v;",
    mutator: "EqualityOperator",
    original: "v < acc[o]",
    replacement: "v <= acc[o]",
    why:
      "a tie replaces the minimum by an equal value; only 0 and -0 differ, and neither the spec nor any comparison tells them apart",
  },
  {
    task: "tensor.5",
    file: "modules/tensor/reductions.ts",
    line:
      "const best: number[] = []; // best[o] is set when pos is 0, the first element of each group",
    mutator: "ArrayDeclaration",
    original: "[]",
    replacement: '["Stryker was here"]',
    why:
      "best[o] is written at pos 0, before it is ever read, so its initial content does not matter",
  },
  {
    task: "tensor.4",
    file: "modules/tensor/shape_ops.ts",
    line: "if (unknown === 1 && (known === 0 || t.size % known !== 0)) {",
    mutator: "ConditionalExpression",
    original: "known === 0",
    replacement: "false",
    why: "n % 0 is NaN and NaN !== 0, so the second test already holds when known is 0",
  },
  {
    task: "tensor.4",
    file: "modules/tensor/shape_ops.ts",
    line: "for (let i = 0; i < out.length; i++) {",
    mutator: "EqualityOperator",
    original: "i < out.length",
    replacement: "i <= out.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "layers.5",
    file: "modules/layers/dropout.ts",
    line: "if (this.p === 1) {",
    mutator: "ConditionalExpression",
    original: "this.p === 1",
    replacement: "false",
    why:
      "with p = 1 every draw is below p, so every element is 0 either way; only the generator advances, and nothing specifies what p = 1 draws",
  },
  {
    task: "layers.5",
    file: "modules/layers/dropout.ts",
    line: "if (this.p === 1) {",
    mutator: "BlockStatement",
    original: "{\n      data.fill(0);\n      return y;\n    }",
    replacement: "{}",
    why:
      "with p = 1 every draw is below p, so every element is 0 either way; only the generator advances, and nothing specifies what p = 1 draws",
  },
  {
    task: "layers.5",
    file: "modules/layers/dropout.ts",
    line: "data[i] = this.rng.next() < this.p ? 0 : data[i] * scale;",
    mutator: "EqualityOperator",
    original: "this.rng.next() < this.p",
    replacement: "this.rng.next() <= this.p",
    why:
      "differs only when a draw equals p exactly; draws are multiples of 2^-32, so that has probability 2^-32 per element",
  },
  {
    task: "layers.1",
    file: "modules/layers/gelu.ts",
    line: "for (let i = 0; i < data.length; i++) {",
    mutator: "EqualityOperator",
    original: "i < data.length",
    replacement: "i <= data.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "layers.3",
    file: "modules/layers/linear.ts",
    line: "for (let r = 0; r < data.length; r += out) {",
    mutator: "EqualityOperator",
    original: "r < data.length",
    replacement: "r <= data.length",
    why:
      "the extra row r = data.length lies past the end of the typed array: its writes are ignored",
  },
  {
    task: "layers.1",
    file: "modules/layers/relu.ts",
    line: "for (let i = 0; i < data.length; i++) {",
    mutator: "EqualityOperator",
    original: "i < data.length",
    replacement: "i <= data.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "layers.1",
    file: "modules/layers/relu.ts",
    line: "if (data[i] < 0) data[i] = 0;",
    mutator: "EqualityOperator",
    original: "data[i] < 0",
    replacement: "data[i] <= 0",
    why:
      "turns -0 into 0 and keeps 0: only the sign of zero changes, which neither the spec nor any comparison tells apart",
  },
  {
    task: "layers.1",
    file: "modules/layers/sigmoid.ts",
    line: "for (let i = 0; i < data.length; i++) {",
    mutator: "EqualityOperator",
    original: "i < data.length",
    replacement: "i <= data.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "layers.1",
    file: "modules/layers/sigmoid.ts",
    line: "if (v >= 0) {",
    mutator: "ConditionalExpression",
    original: "v >= 0",
    replacement: "true",
    why:
      "1/(1 + e^-x) never gives NaN (e^-x = Infinity gives 0, the limit) and agrees with e^x/(1 + e^x) to float64 rounding, far below float32's",
  },
  {
    task: "layers.1",
    file: "modules/layers/sigmoid.ts",
    line: "if (v >= 0) {",
    mutator: "EqualityOperator",
    original: "v >= 0",
    replacement: "v > 0",
    why: "at x = 0 both branches give exactly 0.5",
  },
  {
    task: "layers.1",
    file: "modules/layers/tanh.ts",
    line: "for (let i = 0; i < data.length; i++) data[i] = Math.tanh(data[i]);",
    mutator: "EqualityOperator",
    original: "i < data.length",
    replacement: "i <= data.length",
    why: "the extra pass writes past the end of a typed array, which is ignored",
  },
  {
    task: "profiling.1",
    file: "modules/profiling/count_parameters.ts",
    line: 'path ? ` (layer ${path})` : ""',
    mutator: "StringLiteral",
    original: '""',
    replacement: '"Stryker was here!"',
    why:
      "message text only: appends words to the message for a model that is not in a container, which still says what was given; no case can check exact wording",
  },
  {
    task: "profiling.5",
    file: "modules/profiling/profile_row.ts",
    line:
      "const gflops = m.flops === 0 ? 0 : m.medianMs === 0 ? Infinity : m.flops / (m.medianMs * 1e6);",
    mutator: "ConditionalExpression",
    original: "m.medianMs === 0",
    replacement: "false",
    why: "with flops > 0 (flops = 0 is handled first), flops / (0 · 1e6) is Infinity anyway",
  },
];
