import { requireAllFinite, requireFinite, requireFloat64Array, requireInteger } from "../base";

/**
 * A solver computes its times as t + h (Heun, SRA1), which may leave [0, T] by a rounding: times
 * within 1e-12·T of the interval are accepted.
 */
const SLACK = 1e-12;

/**
 * Throws unless t is a finite time of [0, T] (of [0, T) when `open`, where the formula is infinite
 * at T), up to the rounding of a solver's t + h; returns t. @internal
 */
export function requireStepTime(fn: string, t: unknown, T: number, open = false, why = ""): number {
  const range = open ? `in [0, T) = [0, ${T})${why}` : `in [0, T] = [0, ${T}]`;
  return requireFinite(fn, "t", t, range, (v) =>
    open ? v >= -SLACK * T && v < T : v >= -SLACK * T && v <= T + SLACK * T,
  );
}

/**
 * Validates `(x, out, n)` of a batched method `f(t, x, out, n)`: n a positive integer, x a
 * Float64Array whose first n·d entries are finite, out a Float64Array of at least n·d entries
 * (longer arrays are scratch buffers of a solver); returns n. @internal
 */
export function requireRowsCall(
  fn: string,
  x: unknown,
  out: unknown,
  n: unknown,
  d: number,
  xName = "x",
): number {
  const rows = requireInteger(fn, "n", n, 1);
  requireRowsAtLeast(fn, xName, x, rows, d);
  requireAllFinite(fn, xName, x as Float64Array, rows * d);
  requireRowsAtLeast(fn, "out", out, rows, d);
  return rows;
}

/** Throws unless v is a Float64Array of at least n·d entries. */
function requireRowsAtLeast(fn: string, name: string, v: unknown, n: number, d: number): void {
  const a = requireFloat64Array(fn, name, v);
  if (a.length < n * d) {
    throw new RangeError(
      `${fn}: ${name} must hold at least n·d = ${n * d} values (n = ${n}, d = ${d}), got length ${a.length}`,
    );
  }
}
