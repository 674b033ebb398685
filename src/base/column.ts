import { requireIndex } from "./require-index";
import { requirePoints } from "./validate-array";
import { requireInteger } from "./validate-number";

/**
 * $\mathrm{column}(x, j)_i = x_{i\,w + j}$, $i = 0, \dots, n - 1$: column j of an (n, w) row-major
 * array, copied. For a time-major trajectory of w paths, column i is path i at every time.
 * @param x (rows, width) row-major values; its length is a multiple of width
 * @param j column index, integer in [0, width)
 * @param width number of columns, integer ≥ 1
 * @returns (rows) a new array
 * @see numpy: `x.reshape(-1, width)[:, j]`
 */
export function column(x: Float64Array, j: number, width: number): Float64Array {
  const fn = "column";
  requireInteger(fn, "width", width, 1);
  const rows = requirePoints(fn, "x", x, width, { min: 0, finite: false });
  requireIndex(fn, "j", j, width, "width");
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = x[i * width + j];
  return out;
}
