import { asError, judge, type Observation, observe, observedNumber } from "@tinytorch/course";
import type { Catalog } from "../catalog.ts";

/** An output that a non-solution produces, and what it is. */
export interface TrivialOutput {
  /** e.g. `"zeros"`. */
  readonly label: string;
  /** The output. */
  readonly observation: Observation;
}

type Leaf = (n: number) => number;

function mapNumbers(o: Observation, leaf: Leaf, empty: boolean): Observation {
  const n = observedNumber(o);
  if (n !== undefined) return observe(leaf(n));
  if (o === null || typeof o !== "object") return o;
  if (Array.isArray(o)) return empty ? [] : o.map((v) => mapNumbers(v, leaf, empty));
  if (asError(o)) return o;
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      k === "shape" || k === "$typed" || k === "dtype" ? v : mapNumbers(v, leaf, empty),
    ]),
  );
}

function firstNumber(o: Observation): number | undefined {
  const n = observedNumber(o);
  if (n !== undefined) return n;
  if (o === null || typeof o !== "object") return undefined;
  for (const v of Object.values(o)) {
    const found = firstNumber(v as Observation);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The outputs of trivial non-solutions, derived from the reference's output so they have its
 * structure: every number 0, 1, NaN, or the first number repeated, and every list empty.
 *
 * @param reference What the reference produced for a case.
 * @returns The trivial outputs, each labelled.
 */
export function trivialOutputs(reference: Observation): TrivialOutput[] {
  const first = firstNumber(reference) ?? 7;
  const same = JSON.stringify(reference);
  const outputs: TrivialOutput[] = [
    { label: "zeros", observation: mapNumbers(reference, () => 0, false) },
    { label: "ones", observation: mapNumbers(reference, () => 1, false) },
    { label: "NaN everywhere", observation: mapNumbers(reference, () => NaN, false) },
    { label: `the constant ${first}`, observation: mapNumbers(reference, () => first, false) },
    { label: "empty lists", observation: mapNumbers(reference, (n) => n, true) },
  ];
  return outputs.filter((t) => JSON.stringify(t.observation) !== same);
}

/**
 * Custom checks that a trivial non-solution passes: for every case whose comparison is
 * {@linkcode custom}, each of {@linkcode trivialOutputs} of the reference's output must fail.
 *
 * @param catalog The module's cases.
 * @param reference The reference's output per case.
 * @param wants The expectation per case.
 * @returns One line per check that lets a trivial output through.
 */
export function weakCustomChecks(
  catalog: Catalog,
  reference: readonly Observation[],
  wants: readonly Observation[],
): string[] {
  const problems: string[] = [];
  for (const [i, entry] of catalog.entries.entries()) {
    if (!entry.case.compare?.custom) continue;
    for (const { label, observation } of trivialOutputs(reference[i])) {
      let passes: boolean;
      try {
        passes = judge(entry.case, observation, wants[i]) === null;
      } catch {
        passes = false; // the grader counts a check that throws as a wrong answer
      }
      if (passes) problems.push(`${entry.id}: its custom check passes on ${label}`);
    }
  }
  return problems;
}
