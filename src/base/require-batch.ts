import { requireAllFinite, requireFloat64Array } from "./validate-array";
import { requireFinite, requireInteger } from "./validate-number";

/** How {@link requireRowsAtLeast} reads a batch. */
export interface RowsAtLeastOptions {
  /** the first n·width entries must be finite (default true) */
  finite?: boolean;
  /** what width is called (e.g. "d"), printed in the message; default: its value */
  widthName?: string;
}

/**
 * Throws unless `v` is a Float64Array holding at least n rows of `width` values, (n, width)
 * row-major: length ≥ n·width (a solver's scratch may be longer; only the first n rows are read),
 * and, unless `finite` is false, those n·width values finite. `fn: x must hold at least n·d = 6
 * values (n = 3, d = 2), got length 5`. Returns v.
 * @param n rows, a positive integer (the caller has checked it)
 * @param width values per row, a positive integer
 */
export function requireRowsAtLeast(
  fn: string,
  name: string,
  v: unknown,
  n: number,
  width: number,
  options: RowsAtLeastOptions = {},
): Float64Array {
  const a = requireFloat64Array(fn, name, v);
  const size = n * width;
  if (a.length < size) {
    const { widthName } = options;
    const count =
      widthName !== undefined
        ? `n·${widthName} = ${size} values (n = ${n}, ${widthName} = ${width})`
        : width === 1
          ? `n = ${n} values`
          : `n·${width} = ${size} values (n = ${n})`;
    throw new RangeError(`${fn}: ${name} must hold at least ${count}, got length ${a.length}`);
  }
  if (options.finite ?? true) requireAllFinite(fn, name, a, size);
  return a;
}

/** How {@link requireBatch} reads a call. */
export interface BatchOptions {
  /** values per row of out (default d; 1 for a log-density) */
  outWidth?: number;
  /** the first n rows of x must be finite (default true); false for an O(1) per-step check */
  finite?: boolean;
  /** the name of the input (default "x") */
  xName?: string;
}

/**
 * The checks of a batched method `f(x, out, n)` (or `f(t, x, out, n)`, t checked apart): n a
 * positive integer, x (n, d) row-major with at least n·d values, the first n rows finite (unless
 * `finite` is false), out with at least n·outWidth values (written, not read). Arrays may be
 * longer than n rows (a solver's scratch). Every error names `fn`, the parameter and the lengths.
 * @param fn the function or method the user called, e.g. `exactMixtureScore.score`
 * @param d the width of a row of x, a positive integer
 * @returns n
 */
export function requireBatch(
  fn: string,
  x: unknown,
  out: unknown,
  n: unknown,
  d: number,
  options: BatchOptions = {},
): number {
  const { outWidth = d, finite = true, xName = "x" } = options;
  const rows = requireInteger(fn, "n", n, 1);
  requireRowsAtLeast(fn, xName, x, rows, d, { finite, widthName: "d" });
  requireRowsAtLeast(fn, "out", out, rows, outWidth, {
    finite: false,
    widthName: outWidth === d ? "d" : undefined,
  });
  return rows;
}

/**
 * The checks of a batched method at a time, `f(t, x, out, n)` (an Sde's drift, a ScoreFunction's
 * score): t a finite number (TypeError for a non-number), then {@link requireBatch}. A method
 * whose t must lie in [0, T] checks it with requireTime and calls requireBatch.
 * @returns n
 */
export function requireBatchAt(
  fn: string,
  t: unknown,
  x: unknown,
  out: unknown,
  n: unknown,
  d: number,
  options: BatchOptions = {},
): number {
  requireFinite(fn, "t", t);
  return requireBatch(fn, x, out, n, d, options);
}
