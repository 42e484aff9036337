/** Adds. */
export function add(a: number, b: number): number {
  // #region solution demo.1
  return a + b;
  // #endregion
}
