import { requireIndex } from "./require-index";
import { requirePoints } from "./validate-array";
import { requireInteger } from "./validate-number";

/**
 * $\mathrm{row}(x, i)_j = x_{i\,w + j}$, $j = 0, \dots, w - 1$: row i of an (n, w) row-major
 * array, as a view (no copy: writing to it writes to x). For a time-major trajectory of w paths,
 * row k holds every path at time $t_k$.
 * @param x (rows, width) row-major values; its length is a multiple of width
 * @param i row index, integer in [0, rows)
 * @param width number of columns, integer ≥ 1
 * @returns (width) a subarray of x
 * @see numpy: `x.reshape(-1, width)[i]`
 */
export function row(x: Float64Array, i: number, width: number): Float64Array {
  const fn = "row";
  requireInteger(fn, "width", width, 1);
  const rows = requirePoints(fn, "x", x, width, { min: 0, finite: false });
  requireIndex(fn, "i", i, rows, "rows");
  return x.subarray(i * width, (i + 1) * width);
}
