/** Sums. */
export function total(values: readonly number[]): number {
  // #region solution demo.3
  return values.reduce((s, v) => s + v, 0);
  // #endregion
}
