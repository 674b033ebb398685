import { describeValue } from "./describe-value";
import { requireFloat64Array } from "./validate-array";
import { requireInteger } from "./validate-number";

/**
 * $\mathrm{row}(x, i)_j = x_{i\,w + j}$, $j = 0, \dots, w - 1$: row i of an (n, w) row-major
 * array, as a view (no copy: writing to it writes to x). For a time-major trajectory of w paths,
 * row k holds every path at time $t_k$.
 * @param x (rows, width) row-major values; its length is a multiple of width
 * @param i row index, integer in [0, rows − 1]
 * @param width number of columns, integer ≥ 1
 * @returns (width) a subarray of x
 * @see numpy: `x.reshape(-1, width)[i]`
 */
export function row(x: Float64Array, i: number, width: number): Float64Array {
  requireFloat64Array("row", "x", x);
  requireInteger("row", "width", width, 1);
  if (x.length % width !== 0) {
    throw new RangeError(`row: x must hold rows of width ${width}, got length ${x.length}`);
  }
  requireInteger("row", "i", i, 0);
  const rows = x.length / width;
  if (i >= rows) {
    throw new RangeError(
      `row: i must be in [0, rows - 1] = [0, ${rows - 1}], got ${describeValue(i)}`,
    );
  }
  return x.subarray(i * width, (i + 1) * width);
}
