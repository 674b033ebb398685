import { requireInteger, requireRowsAtLeast } from "../base";

/**
 * The boundary checks of src/nn, in the base vocabulary: each names the function or method the
 * user called (`Mlp.forward`, `scoreNet.evaluate`), the parameter and the value. @internal
 * @see STYLE.md, src/ rule 6 (validate once at the boundary)
 */

/**
 * Throws unless n is a positive integer, t holds n finite times and x n finite rows of width d
 * (each at least that long: scratch may be longer): the batch of a score model's evaluate.
 */
export function checkTimesAndPoints(
  fn: string,
  t: unknown,
  x: unknown,
  n: number,
  d: number,
): void {
  requireInteger(fn, "n", n, 1);
  requireRowsAtLeast(fn, "t", t, n, 1);
  requireRowsAtLeast(fn, "x", x, n, d, { widthName: "d" });
}

/** Throws unless n is a positive integer equal to the rows of the pass it follows. */
export function checkSameRows(fn: string, n: number, rows: number, pass: string): void {
  requireInteger(fn, "n", n, 1);
  if (n !== rows) {
    throw new RangeError(
      `${fn}: n must equal the rows of the last ${pass} (${rows === 0 ? "none to go back through" : rows}), got ${n}`,
    );
  }
}
