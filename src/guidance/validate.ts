import type { GaussianMixture } from "../mixture";
import { requireAllFinite, requireFinite, requireFloat64Array, requireInteger } from "../base";

/** Throws unless y is a class of mix, an integer in [0, K); returns it. @internal */
export function requireClass(fn: string, mix: GaussianMixture, y: unknown): number {
  const K = mix.components;
  return requireFinite(
    fn,
    "y",
    y,
    `an integer in [0, ${K})`,
    (v) => Number.isInteger(v) && v >= 0 && v < K,
  );
}

/**
 * A solver or sampler computes its times as t + h or t0 + i·h, which may leave [0, T] by a
 * rounding: times within 1e-12·T of the interval are accepted.
 */
const SLACK = 1e-12;

/**
 * Validates the arguments of a ScoreFunction's `score(t, x, out, n)`: t finite (in [0, T] up to
 * rounding when T is given), n a positive integer, x a Float64Array whose first n·d entries are
 * finite, out a Float64Array of at least n·d entries. Returns t clamped into [0, T]. @internal
 */
export function requireScoreCall(
  fn: string,
  t: unknown,
  x: unknown,
  out: unknown,
  n: unknown,
  d: number,
  T: number | null,
): number {
  const time =
    T === null
      ? requireFinite(fn, "t", t)
      : requireFinite(
          fn,
          "t",
          t,
          `in [0, T] = [0, ${T}]`,
          (v) => v >= -SLACK * T && v <= T + SLACK * T,
        );
  const rows = requireInteger(fn, "n", n, 1);
  requireRowsAtLeast(fn, "x", x, rows, d);
  requireAllFinite(fn, "x", x as Float64Array, rows * d);
  requireRowsAtLeast(fn, "out", out, rows, d);
  return T === null ? time : Math.min(Math.max(time, 0), T);
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
