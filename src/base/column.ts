import { describeValue } from "./describe-value";
import { requireFloat64Array } from "./validate-array";
import { requireInteger } from "./validate-number";

/**
 * $\mathrm{column}(x, j)_i = x_{i\,w + j}$, $i = 0, \dots, n - 1$: column j of an (n, w) row-major
 * array, copied. For a time-major trajectory of w paths, column i is path i at every time.
 * @param x (rows, width) row-major values; its length is a multiple of width
 * @param j column index, integer in [0, width − 1]
 * @param width number of columns, integer ≥ 1
 * @returns (rows) a new array
 * @see numpy: `x.reshape(-1, width)[:, j]`
 */
export function column(x: Float64Array, j: number, width: number): Float64Array {
  requireFloat64Array("column", "x", x);
  requireInteger("column", "width", width, 1);
  if (x.length % width !== 0) {
    throw new RangeError(`column: x must hold rows of width ${width}, got length ${x.length}`);
  }
  requireInteger("column", "j", j, 0);
  if (j >= width) {
    throw new RangeError(
      `column: j must be in [0, width - 1] = [0, ${width - 1}], got ${describeValue(j)}`,
    );
  }
  const rows = x.length / width;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = x[i * width + j];
  return out;
}
