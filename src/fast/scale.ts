import { describeValue, requireInteger } from "../base";
import { requireArrayOf } from "./check";

/**
 * $\text{out}_i = c\,x_i$ for $i < \text{len}$, unrolled by four: the fast twin of the linear
 * drift $f(t, x) = a(t)\,x$ of src/processes/helpers.ts (`linearDrift`), one multiplication per
 * entry, so bit-identical (test/fast/scale.test.ts). V8 reloads a typed array's length and data
 * pointer after each loop back edge (seen with perf), and four entries per trip amortise that.
 * @param out (len,) written (may be x itself)
 * @param c the factor, a number (a non-finite one gives non-finite entries, which a solver
 *   reports with its step and time)
 * @param x (len,)
 * @param len an integer ≥ 0
 * @see Kloeden & Platen (1992), §4.4 (linear SDEs, drift $a(t)X$)
 */
export function scaleInto(out: Float64Array, c: number, x: Float64Array, len: number): void {
  const fn = "scaleInto";
  if (typeof c !== "number") {
    throw new TypeError(`${fn}: c must be a number, got ${describeValue(c)}`);
  }
  requireInteger(fn, "len", len, 0);
  requireArrayOf(fn, "out", out, len);
  requireArrayOf(fn, "x", x, len);
  let i = 0;
  for (; i + 3 < len; i += 4) {
    out[i] = c * x[i];
    out[i + 1] = c * x[i + 1];
    out[i + 2] = c * x[i + 2];
    out[i + 3] = c * x[i + 3];
  }
  for (; i < len; i++) out[i] = c * x[i];
}
