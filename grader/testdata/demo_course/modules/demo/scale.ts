/** Scales. */
export function scale(values: readonly number[], k: number): number[] {
  // #region solution demo.2
  return values.map((v) => v * k);
  // #endregion
}
