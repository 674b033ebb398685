import type { GaussianMixture } from "../mixture";
import type { LinearProcess } from "../processes";
import {
  describeValue,
  requireAllFinite,
  requireFinite,
  requireFloat64Array,
  requireInteger,
  requireInterface,
} from "../base";

/** Throws a TypeError unless v is a GaussianMixture from `gaussianMixture`. @internal */
export function requireMixtureArg(fn: string, name: string, v: unknown): GaussianMixture {
  const m = v as GaussianMixture;
  if (
    m === null ||
    typeof m !== "object" ||
    !Number.isInteger(m.dim) ||
    !Number.isInteger(m.components) ||
    !ArrayBuffer.isView(m.precisions)
  ) {
    throw new TypeError(
      `${fn}: ${name} must be a GaussianMixture from gaussianMixture, got ${describeValue(v)}`,
    );
  }
  return m;
}

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

/** Throws unless process is a LinearProcess (scale, std, T) of the dimension of `data`. @internal */
export function requireLinearProcessOf(
  fn: string,
  process: unknown,
  data: GaussianMixture,
): LinearProcess {
  requireInterface(fn, "process", process, "a LinearProcess (with scale and std)", [
    "scale",
    "std",
  ]);
  const p = process as LinearProcess;
  if (p.dim !== data.dim) {
    throw new RangeError(
      `${fn}: process.dim must equal data.dim = ${data.dim}, got ${describeValue(p.dim)}`,
    );
  }
  return p;
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
